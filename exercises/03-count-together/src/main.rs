//! 연습 03 — 두 스레드가 한 카운터에 더하기 (노트 너머: 공유 상태, race-counter)
//! Exercise 03 — two threads add to one counter (after the notes: shared state, race-counter)
//!
//! 할 일: `count_together(threads, times, one)`에서 스레드 `threads`개가 각각 `times`번 1(`one()`)을
//! 더하고, 그 합을 돌려주게 하세요. `main`은 2개, 1,000,000번으로 불러서 "counter: 2000000"을 출력합니다.
//! 파이썬처럼 쓴 지금 코드는 컴파일되지 않습니다. `Mutex`나 원자적 값(`AtomicU64::fetch_add`)을
//! 쓰세요. `one()`은 실제 작업이므로 잠금 밖에서 호출하고, 더하기만 원자적으로 하세요. 검사기는 이 함수를
//! 다른 값과 자기 `one`으로도 불러서, 스레드마다 더한 횟수와 스레드들이 함께 더했는지를 봅니다.
//! Task: in `count_together(threads, times, one)`, `threads` threads each add 1 (`one()`) `times`
//! times, and it returns the sum; `main` calls it with 2 and a million and prints
//! "counter: 2000000". Written the Python way, it does not compile: use a `Mutex` or an atomic
//! (`fetch_add`). `one()` is the work: call it outside any lock, and make only the addition
//! indivisible. The checker calls the function with other numbers and a `one` of its own too,
//! and counts each thread's additions, and whether the threads added side by side.
//!
//! 확인 / Check: `cargo run -p practice -- check 03`

use common::say;
use std::thread;

pub fn count_together(threads: usize, times: u64, one: fn() -> u64) -> u64 {
    let mut counter: u64 = 0;
    thread::scope(|scope| {
        for _ in 0..threads {
            // TODO: 여러 스레드가 `counter`를 동시에 가변으로 빌릴 수는 없습니다.
            //       several threads cannot all borrow `counter` mutably.
            scope.spawn(|| {
                for _ in 0..times {
                    counter += one();
                }
            });
        }
    });
    counter
}

fn main() {
    say!("counter: {}", count_together(2, 1_000_000, || 1));
}
