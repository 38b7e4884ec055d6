//! 프로세스 스포닝(spawning) — starting a child process (notes §2).
//!
//! Run: `cargo run -p process-spawn`
//! Notice: the two PIDs differ: a real second process. Under `fork` (the default) the child's
//! "SubProcess" may come before or after "MainProcess End" (a fork is much faster than Python's
//! process start); under `spawn` (`TUTORIAL_START_METHOD=spawn`), as in the notes, it comes after.
//! Either way the program waits for the child's "SubProcess End", as Python does.

use common::process::Process;
use common::{current_process, say, sleep_secs};

fn worker() {
    let proc = current_process();
    say!("{}", proc.name);
    say!("{}", proc.pid);
    sleep_secs(5.0);
    say!("SubProcess End");
}

fn main() {
    common::init(); // if __name__ == "__main__":
    // main process
    let proc = current_process();
    say!("{}", proc.name);
    say!("{}", proc.pid);

    // process spawning
    let mut p = Process::target(worker, ()).name("SubProcess");
    p.start().expect("start SubProcess");
    say!("MainProcess End");
    // No join: as in Python, the exit rule waits for the non-daemon child after `main` returns.
}
