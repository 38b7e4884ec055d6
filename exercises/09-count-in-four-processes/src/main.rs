//! 연습 09 — 프로세스 넷이 한 값에 더하기 (노트 4. 프로세스 간 객체 교환 — 3) Value, Array)
//! Exercise 09 — four processes add to one value (notes 4, Value and Array)
//!
//! 할 일: 프로세스 넷이 각각 100,000번 1을 더해서 부모가 "total: 400000"을 찍게 하세요. 지금은 0을
//! 찍습니다. 자식은 `fork`로 복사한 자기 값을 바꾸기 때문입니다. 공유 메모리(`common::shm::Value`)와
//! 그 잠금(`get_lock`)을 쓰세요.
//! Task: four processes each add 1 a hundred thousand times, and the parent prints
//! "total: 400000". Today it prints 0: each child changes its own copy, made by `fork`. Use
//! shared memory (`common::shm::Value`) and its lock (`get_lock`).
//!
//! 확인 / check: `cargo run -p practice -- check 09`

use common::process::Process;
use common::say;
use std::sync::atomic::{AtomicI32, Ordering};

// TODO: a global is copied into each child; it is not shared.
static TOTAL: AtomicI32 = AtomicI32::new(0);

fn add() {
    for _ in 0..100_000 {
        let now = TOTAL.load(Ordering::SeqCst);
        TOTAL.store(now + 1, Ordering::SeqCst);
    }
}

fn main() {
    let mut children: Vec<Process> = (0..4).map(|_| Process::new(add)).collect();
    for child in &mut children {
        child.start().expect("start a child");
    }
    for child in &mut children {
        child.join();
    }
    say!("total: {}", TOTAL.load(Ordering::SeqCst));
}
