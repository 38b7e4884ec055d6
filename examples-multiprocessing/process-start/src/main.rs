//! 2. join과 데몬 — a child that is never joined (notes §2).
//!
//! Run: `cargo run -p process-start`
//! Notice: "Main Process end" comes before "Sub Process end", yet the program does not end until
//! the child has: at exit, Python waits for every non-daemon child, and so does this one.

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
    let mut proc = Process::target(work, ()).name("Sub Process");
    proc.start().expect("start Sub Process");
    say!("Main Process end");
    // `main` returns; the exit rule (an `atexit` handler, as in Python) waits for the child.
}
