//! 2. join과 데몬 — 2) Daemon속성: a daemon child (notes §2).
//!
//! Run: `cargo run -p daemon-process`
//! Notice: "Sub Process end" never prints and the program ends at once: a daemon child is
//! terminated when the main process exits. "Sub Process start" may print or not: Python takes
//! long enough to start a process that the notes never see it; a fork is fast enough to race
//! (under `spawn`, as in the notes, it does not print).

use common::process::Process;
use common::{say, sleep_secs};

fn work() {
    say!("Sub Process start");
    sleep_secs(5.0);
    say!("Sub Process end");
}

fn main() {
    common::init(); // if __name__ == "__main__":
    say!("Main Process start");
    let mut proc = Process::target(work, ()).name("Sub Process").daemon(true);
    proc.start().expect("start Sub Process");
    say!("Main Process end");
    // `main` returns; the exit rule sends the daemon SIGTERM and reaps it. Had this process been
    // killed outright, the child would have died too (`common::process`'s lifeline).
}
