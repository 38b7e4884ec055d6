//! 연습 06의 풀이 — `.daemon(true)`.
//!
//! Exercise 06, a solution: `.daemon(true)`.

use common::process::Process;
use common::{say, sleep_secs};

fn work() {
    say!("Sub Process start");
    sleep_secs(5.0);
    say!("Sub Process end");
}

fn main() {
    say!("Main Process start");
    let mut proc = Process::new(work).name("Sub Process").daemon(true);
    proc.start().expect("start the child");
    say!("Main Process end");
}
