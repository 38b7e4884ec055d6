//! Wrong: not a daemon: main kills the child by hand before its last line (Python's habit of
//! `p.terminate()` at the end), so the child never ends with main.

use common::process::Process;
use common::say;
use common::sleep_secs;

fn work() {
    say!("Sub Process start");
    sleep_secs(5.0);
    say!("Sub Process end");
}

fn main() {
    say!("Main Process start");
    let mut proc = Process::new(work).name("Sub Process");
    proc.start().expect("start the child");
    proc.kill();
    proc.join();
    say!("Main Process end");
}
