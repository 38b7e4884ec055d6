//! 연습 09 — 프로세스 넷이 한 값에 더하기 (노트 4. 프로세스 간 객체 교환 — 3) Value, Array)
//! Exercise 09 — four processes add to one value (notes 4, Value and Array)
//!
//! 할 일: `count_in_processes(processes, times)`에서 프로세스 `processes`개가 각각 `times`번 1을 더하고,
//! 그 합을 돌려주게 하세요. `main`은 4개, 100,000번으로 불러서 "total: 400000"을 출력합니다. 지금은 0입니다.
//! 자식은 `fork`로 복사한 자기 값을 바꾸기 때문입니다. 공유 메모리(`common::shm::Value`)와 그
//! 잠금(`get_lock`)을 쓰세요. 검사기는 이 함수를 다른 값으로도 부릅니다.
//! Task: in `count_in_processes(processes, times)`, `processes` processes each add 1 `times` times,
//! and it returns the sum; `main` calls it with 4 and 100,000 and prints "total: 400000". Today it
//! is 0: each child changes its own copy, made by `fork`. Use shared memory (`common::shm::Value`)
//! and its lock (`get_lock`). The checker calls the function with other numbers too.
//!
//! 확인 / Check: `cargo run -p practice -- check 09`

use common::process::Process;
use common::say;
use std::sync::atomic::{AtomicI32, Ordering};

// TODO: 전역 변수는 자식마다 복사될 뿐, 공유되지 않습니다.
//       a global is copied into each child; it is not shared.
static TOTAL: AtomicI32 = AtomicI32::new(0);

fn add(times: i32) {
    for _ in 0..times {
        let now = TOTAL.load(Ordering::SeqCst);
        TOTAL.store(now + 1, Ordering::SeqCst);
    }
}

pub fn count_in_processes(processes: usize, times: i32) -> i32 {
    let mut children: Vec<Process> = (0..processes)
        .map(|_| Process::new(move || add(times)))
        .collect();
    for child in &mut children {
        child.start().expect("start a child");
    }
    for child in &mut children {
        child.join();
    }
    TOTAL.load(Ordering::SeqCst)
}

fn main() {
    say!("total: {}", count_in_processes(4, 100_000));
}
