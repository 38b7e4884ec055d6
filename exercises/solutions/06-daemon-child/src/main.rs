//! 연습 06의 풀이 — 자식을 시작하기 전에 `.daemon(true)`로 데몬이라고 표시합니다.
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
