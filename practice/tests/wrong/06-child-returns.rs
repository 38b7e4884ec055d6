//! Wrong: not a daemon: the child does no work and returns before main ends, so nothing is
//! left for main to wait for and "Sub Process end" never prints.

use common::process::Process;
use common::say;

fn work() {
    say!("Sub Process start");
}

fn main() {
    say!("Main Process start");
    let mut proc = Process::new(work).name("Sub Process");
    proc.start().expect("start the child");
    say!("Main Process end");
}
