//! 공유 상태 — `threading.Semaphore(2)`: five workers, at most two inside at once (after the notes).
//!
//! 실행 / Run: `cargo run -p semaphore`
//! 눈여겨볼 점: 작업자마다 들어갈 때 안에 몇이 있는지 출력합니다. 2를 넘지 않고, 언제나 위의 줄들과
//! 맞습니다(개수를 바꾸고 출력하는 일을 잠금 하나 아래에서 합니다). std에는 세마포어가 없습니다.
//! `common::sync::Semaphore`는 `Mutex`와 `Condvar`로 만든 세마포어입니다(스레드용 세마포어 크레이트는
//! 관리되지 않거나 async용입니다). 허가(permit)는 가드이고, 가드를 버리면 파이썬의 `release()`입니다.
//! Notice: each worker prints how many are inside as it enters: never more than 2, and always
//! what the lines above say (the count changes and is printed under one lock). std has no
//! semaphore; `common::sync::Semaphore` is one on a `Mutex` and a `Condvar` (the thread-semaphore
//! crates are unmaintained or async). Its permit is a guard: dropping it is Python's `release()`.

use common::sync::Semaphore;
use common::{say, sleep_secs};
use std::sync::Mutex;
use std::thread;

fn main() {
    let semaphore = Semaphore::new(2);
    let inside = Mutex::new(0);
    thread::scope(|scope| {
        for i in 0..5 {
            let (semaphore, inside) = (&semaphore, &inside);
            thread::Builder::new()
                .name(format!("worker {i}"))
                .spawn_scoped(scope, move || {
                    let _permit = semaphore.acquire(); // 파이썬의 `with sem:`
                    // 개수를 바꾸고 출력하는 일을 한 단계로, 잠금 하나 아래에서 합니다. 다른 작업자의
                    // 줄이 그 둘 사이에 끼어들지 않습니다.
                    // The count changes and is printed as one step, under one lock: another
                    // worker's line never falls between the two.
                    let mut count = inside.lock().expect("the count");
                    *count += 1;
                    say!("worker {i} enters, inside: {count}");
                    drop(count);
                    sleep_secs(1.0);
                    let mut count = inside.lock().expect("the count");
                    say!("worker {i} leaves");
                    *count -= 1;
                })
                .expect("spawn a worker");
        }
    });
}
