//! 연습 06 — 데몬 자식: 프로그램이 바로 끝나게 하기 (노트 2. join과 데몬 — 2) Daemon속성)
//! Exercise 06 — a daemon child, so that the program ends at once (notes 2, Daemon)
//!
//! 할 일: main이 끝나면 자식도 끝나서, "Sub Process end"가 출력되지 않고 프로그램이 바로 끝나게 하세요.
//! 지금은 프로그램이 자식을 기다립니다.
//! Task: when main ends, the child must end too: "Sub Process end" never prints and the program
//! ends at once. Today the program waits for its child.
//!
//! 확인 / Check: `cargo run -p practice -- check 06`

use common::process::Process;
use common::{say, sleep_secs};

fn work() {
    say!("Sub Process start");
    sleep_secs(5.0);
    say!("Sub Process end");
}

fn main() {
    say!("Main Process start");
    // TODO: 파이썬의 `daemon=True`.
    //       Python's `daemon=True`.
    let mut proc = Process::new(work).name("Sub Process");
    proc.start().expect("start the child");
    say!("Main Process end");
}
