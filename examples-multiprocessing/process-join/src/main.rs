//! 2. join과 데몬 — 1) Join: waiting for the child (notes §2).
//!
//! 실행 / Run: `cargo run -p process-join`
//! 눈여겨볼 점: "Sub Process start"와 "Sub Process end"가 모두 "Main Process end"보다 먼저 나옵니다.
//! `join`은 자식이 끝날 때까지(`waitpid`) 막습니다.
//! Notice: "Sub Process start" and "Sub Process end" both come before "Main Process end":
//! `join` blocks until the child has exited (`waitpid`).

use common::process::Process;
use common::{say, sleep_secs};

fn work() {
    say!("Sub Process start");
    sleep_secs(5.0);
    say!("Sub Process end");
}

fn main() {
    common::init(); // 파이썬의 if __name__ == "__main__":
    say!("Main Process start");
    let mut proc = Process::target(work, ()).name("Sub Process");
    proc.start().expect("start Sub Process");
    proc.join();
    say!("Main Process end");
}
