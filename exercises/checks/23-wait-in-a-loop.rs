//! 검사기가 연습 23의 `consume(shelf, changed)`를 자기 소비자 스레드에서, 자기 생산자와 함께
//! 부릅니다. 한 번은 종이 더 자주 울리고(깨어나도 물건이 없을 때가 많음) 물건이 빨리 오고, 한 번은
//! 종이 울리지 않고 물건이 띄엄띄엄 옵니다(그동안 소비자는 잠들어 있어야 함).
//!
//! The checker calls exercise 23's `consume(shelf, changed)` from its own consumers, with its own
//! producer: once with a bell that rings more often (a waiter often wakes to nothing) and items
//! coming quickly, once with no bell and items far apart (meanwhile the consumers must sleep).

#[allow(dead_code)]
#[path = "../23-wait-in-a-loop/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::say;
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

fn main() {
    let args: [u32; 4] = check_protocol::numbers();
    let (consumers, items, bell, gap_ms) = (args[0], args[1], args[2] == 1, args[3]);
    let shelf = Mutex::new(learner::Shelf::default());
    let changed = Condvar::new();
    thread::scope(|scope| {
        for c in 0..consumers {
            let (shelf, changed) = (&shelf, &changed);
            thread::Builder::new()
                .name(format!("consumer {c}"))
                .spawn_scoped(scope, move || learner::consume(shelf, changed))
                .expect("spawn a consumer");
        }
        if bell {
            scope.spawn(|| {
                while !shelf.lock().expect("lock the shelf").done {
                    changed.notify_all();
                    thread::sleep(Duration::from_micros(300));
                }
            });
        }
        for item in 0..items {
            // 물건 사이에는 아무 일도 없습니다. 그동안 소비자가 몇 번 잠들었는지 검사기가 지켜봅니다.
            // Nothing happens between two items: the checker watches how often the consumers
            // go to sleep meanwhile.
            common::trace::watch(std::process::id(), Duration::from_millis(gap_ms.into()));
            let mut s = shelf.lock().expect("lock the shelf");
            say!("produced {item}");
            s.items.push_back(item);
            changed.notify_one();
        }
        shelf.lock().expect("lock the shelf").done = true;
        changed.notify_all();
    });
    let left = shelf.lock().expect("lock the shelf").items.len();
    say!("{}", report(Found::LeftOver(left as u64)));
}
