//! 공유 상태 — `threading.RLock`: one thread takes the same lock twice (after the notes).
//!
//! 실행 / Run: `cargo run -p rlock`
//! 눈여겨볼 점: std의 `Mutex`는 재진입할 수 없습니다. 쥔 스레드가 `lock()`을 다시 호출하면 영원히
//! 반환하지 않으므로(또는 패닉하므로), 이 예제는 `try_lock`으로 물어보고 `WouldBlock`을 받습니다.
//! 러스트에서 빠져나갈 길은 둘입니다. 데이터가 필요한 코드에 가드를 넘겨주거나, 러스트의 RLock인
//! `parking_lot::ReentrantMutex`를 씁니다(공유 접근만 내주므로, 안의 개수는 `Cell`입니다).
//! Notice: std's `Mutex` is not reentrant. Its holder calling `lock()` again would never return
//! (or panic), so the example asks with `try_lock` and gets `WouldBlock`. The Rust ways out: pass
//! the guard down to the code that needs the data, or take `parking_lot::ReentrantMutex`, Rust's
//! RLock (it hands out shared access only, so the count inside is a `Cell`).

use common::say;
use parking_lot::ReentrantMutex;
use std::cell::Cell;
use std::sync::{Mutex, TryLockError};

/// 파이썬이라면 여기서 잠금을 다시 잡았을 것입니다. 러스트는 대신 가드의 데이터를 넘겨줍니다.
/// Python would take the lock again in here; Rust passes the guard's data down instead.
fn add_one(count: &mut u32) {
    *count += 1;
}

fn main() {
    let lock = Mutex::new(0_u32);
    let guard = lock.lock().expect("lock");
    let again = match lock.try_lock() {
        Err(TryLockError::WouldBlock) => "would block",
        Ok(_) => "taken",
        Err(TryLockError::Poisoned(_)) => "poisoned",
    };
    say!("a plain lock, taken again by its holder: {again}");
    drop(guard);

    let mut count = lock.lock().expect("lock");
    add_one(&mut count);
    add_one(&mut count);
    say!("the guard passed down, used twice: {}", *count);
    drop(count);

    let rlock = ReentrantMutex::new(Cell::new(0));
    let outer = rlock.lock();
    {
        let inner = rlock.lock(); // 같은 스레드가 다시: 괜찮음 (the same thread again: fine)
        inner.set(inner.get() + 1);
    }
    outer.set(outer.get() + 1);
    say!("a reentrant lock, taken twice: {}", outer.get());
}
