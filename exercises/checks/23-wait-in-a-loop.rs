//! The checker calls exercise 23's `consume(shelf, changed)` from its own consumers, with its own
//! producer and a bell that rings more often.

#[allow(dead_code)]
#[path = "../23-wait-in-a-loop/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::say;
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

fn main() {
    let args: [u32; 2] = check_protocol::numbers();
    let (consumers, items) = (args[0], args[1]);
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
        scope.spawn(|| {
            while !shelf.lock().expect("lock the shelf").done {
                changed.notify_all();
                thread::sleep(Duration::from_micros(300));
            }
        });
        for item in 0..items {
            thread::sleep(Duration::from_millis(3));
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
