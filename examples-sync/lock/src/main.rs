//! 공유 상태 — `threading.Lock` and `with lock:` (after the notes).
//!
//! 실행 / Run: `cargo run -p lock`
//! 눈여겨볼 점: 스레드 넷이 리스트 하나에 항목을 다섯 개씩 덧붙이고, 모든 항목이 한 번씩 들어
//! 있습니다. 러스트에서는 `Mutex`가 리스트를 소유합니다. 리스트를 만질 길은 `lock()`이 돌려주는
//! 가드뿐이고, 가드의 범위가 파이썬의 `with` 블록입니다. 잠금을 잊으면 컴파일되지 않습니다.
//! Notice: four threads append five items each to one list, and every item is there once. In
//! Rust the `Mutex` owns the list: the only way to touch it is through the guard `lock()` returns,
//! and the guard's scope is Python's `with` block. Forgetting the lock does not compile.

use common::python::Py;
use common::say;
use std::collections::BTreeSet;
use std::sync::Mutex;
use std::thread;

fn main() {
    let items = Mutex::new(Vec::new());
    thread::scope(|scope| {
        for t in 0..4 {
            let items = &items;
            thread::Builder::new()
                .name(format!("thread {t}"))
                .spawn_scoped(scope, move || {
                    for i in 0..5 {
                        // 파이썬의 `with lock: items.append((t, i))`: 가드는 범위가 끝날 때 잠금을 풉니다.
                        // `with lock: items.append((t, i))`: the guard unlocks as its scope ends.
                        let mut list = items.lock().expect("lock the list");
                        list.push((t, i));
                    }
                    say!("thread {t} appended 5 items");
                })
                .expect("spawn a thread");
        }
    });
    let items = items.into_inner().expect("the list");
    say!("the list has {} items", items.len());
    let distinct: BTreeSet<&(i32, i32)> = items.iter().collect();
    say!("every item once: {}", Py(distinct.len() == 20));
}
