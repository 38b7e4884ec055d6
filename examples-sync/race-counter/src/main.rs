//! 공유 상태 — a race: two threads each add 1 to one counter a million times (after the notes).
//!
//! 실행 / Run: `cargo run -p race-counter`
//! 눈여겨볼 점: 두 스레드에서 하는 파이썬의 `counter += 1`은 러스트에서 컴파일되지 않습니다(두 스레드가
//! 함께 `&mut counter`를 쥘 수 없습니다. `refused/`를 보세요). 그래도 갱신을 잃게 만드는 것은
//! 논리적 경쟁입니다. 원자적 값에 `load`한 다음 `store`하므로, "without a lock"은 대개 2000000보다 적게
//! 출력됩니다. `Mutex`와 한 번의 `fetch_add`는 하나도 잃지 않습니다. (CPython 3.11은 여기서 20번
//! 돌려 한 번도 잃지 않았습니다. GIL이 읽기와 쓰기 사이에서는 스레드를 바꾸지 않기 때문입니다.
//! 언어가 약속하는 것은 아닙니다.)
//! Notice: Python's `counter += 1` from two threads does not compile in Rust (two threads may not
//! both hold `&mut counter`: see `refused/`). What still loses updates is a logic race: `load`,
//! then `store`, on an atomic, so "without a lock" usually prints less than 2000000. A `Mutex`
//! and a single `fetch_add` never lose one. (CPython 3.11 lost no update in 20 runs here: its GIL
//! switches threads at no point between the read and the write. The language promises nothing.)

use common::say;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

const TIMES: u64 = 1_000_000;

/// 두 스레드에서 각각 `add_one`을 백만 번 돌립니다.
/// Runs `add_one` a million times on each of two threads.
fn twice(add_one: impl Fn() + Sync) {
    thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| (0..TIMES).for_each(|_| add_one()));
        }
    });
}

fn main() {
    // 파이썬의 `counter += 1`은 두 단계로 읽고 썼습니다. 여기서는 그 두 단계가 드러나 있습니다.
    // Python's `counter += 1` read and wrote in two steps; here the two steps are explicit.
    let counter = AtomicU64::new(0);
    twice(|| {
        let seen = counter.load(Ordering::Relaxed);
        counter.store(seen + 1, Ordering::Relaxed); // 그사이에 다른 스레드가 저장했을 수 있음 (the other thread may have stored meanwhile)
    });
    say!("without a lock: {}", counter.load(Ordering::Relaxed));

    // 파이썬의 `with lock: counter += 1`: Mutex가 카운터를 소유하고, 그 가드가 `with` 블록입니다.
    // `with lock: counter += 1`: the Mutex owns the counter; its guard is the `with` block.
    let counter = Mutex::new(0_u64);
    twice(|| *counter.lock().expect("lock the counter") += 1);
    say!(
        "with a Mutex: {}",
        counter.into_inner().expect("the counter")
    );

    // 나눌 수 없는 읽기-수정-쓰기 한 번: 잠금이 전혀 없습니다.
    // One indivisible read-modify-write: no lock at all.
    let counter = AtomicU64::new(0);
    twice(|| {
        counter.fetch_add(1, Ordering::Relaxed);
    });
    say!("with fetch_add: {}", counter.load(Ordering::Relaxed));
}
