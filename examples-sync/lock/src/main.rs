//! 공유 상태 — `threading.Lock` and `with lock:` (after the notes).
//!
//! Run: `cargo run -p lock`
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
