//! Wrong: not a daemon; main terminates the child by hand after its last line (the learner's
//! trial: Python's `p.terminate()` at the end, which the exit's timing alone could not tell).
//! Named: was not started as a daemon

use common::process::Process;
use common::{say, sleep_secs};

fn work() {
    say!("Sub Process start");
    sleep_secs(5.0);
    say!("Sub Process end");
}

fn main() {
    say!("Main Process start");
    let mut proc = Process::new(work).name("Sub Process");
    proc.start().expect("start the child");
    say!("Main Process end");
    proc.terminate();
}
