//! 2. join과 데몬 — a child that is never joined (notes §2).
//!
//! 실행 / Run: `cargo run -p process-start`
//! 눈여겨볼 점: "Main Process end"가 "Sub Process end"보다 먼저 나오지만, 프로그램은 자식이 끝날
//! 때까지 끝나지 않습니다. 파이썬은 끝날 때 데몬이 아닌 자식을 모두 기다리고, 이 프로그램도 그렇습니다.
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
    common::init(); // 파이썬의 if __name__ == "__main__":
    say!("Main Process start");
    let mut proc = Process::target(work, ()).name("Sub Process");
    proc.start().expect("start Sub Process");
    say!("Main Process end");
    // `main`이 반환하면, 종료 규칙(파이썬처럼 `atexit` 핸들러)이 자식을 기다립니다.
    // `main` returns; the exit rule (an `atexit` handler, as in Python) waits for the child.
}
