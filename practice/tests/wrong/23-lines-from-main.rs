//! Wrong: the consumers only wait for the end; main empties the shelf and prints the lines.

use common::{say, sleep_secs};
use std::collections::VecDeque;
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

#[derive(Default)]
pub struct Shelf {
    pub items: VecDeque<u32>,
    pub done: bool,
}

pub fn consume(shelf: &Mutex<Shelf>, changed: &Condvar) {
    let mut s = shelf.lock().expect("lock the shelf");
    while !s.done {
        s = changed.wait(s).expect("wait on the condition");
    }
}

fn main() {
    let shelf = Mutex::new(Shelf::default());
    let changed = Condvar::new();
    thread::scope(|scope| {
        for c in 0..3 {
            let (shelf, changed) = (&shelf, &changed);
            thread::Builder::new()
                .name(format!("consumer {c}"))
                .spawn_scoped(scope, move || consume(shelf, changed))
                .expect("spawn a consumer");
        }
        // The bell wakes every waiter with nothing new, as a `notify_all` for another reason,
        // or a spurious wake-up, does.
        scope.spawn(|| {
            while !shelf.lock().expect("lock the shelf").done {
                changed.notify_all();
                thread::sleep(Duration::from_millis(1));
            }
        });
        for item in 0..9 {
            sleep_secs(0.1);
            let mut s = shelf.lock().expect("lock the shelf");
            say!("produced {item}");
            s.items.push_back(item);
            changed.notify_one();
        }
        shelf.lock().expect("lock the shelf").done = true;
        changed.notify_all();
    });
    let mut s = shelf.lock().expect("lock the shelf");
    while let Some(item) = s.items.pop_front() {
        say!("consumed {item}");
    }
    let left = s.items.len();
    say!("left on the shelf: {left}");
}
