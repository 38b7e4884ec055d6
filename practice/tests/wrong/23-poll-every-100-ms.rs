//! Wrong (from the third blind review): each consumer looks at the shelf and sleeps 100 ms when
//! it is empty, in place of waiting on the `Condvar`: nothing is lost, and it wakes ten times a
//! second rather than once an item.
//! Named: is not waiting

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

pub fn consume(shelf: &Mutex<Shelf>, _changed: &Condvar) {
    loop {
        let mut s = shelf.lock().expect("lock the shelf");
        if let Some(item) = s.items.pop_front() {
            drop(s);
            say!("consumed {item}");
            continue;
        }
        if s.done {
            return;
        }
        drop(s);
        thread::sleep(Duration::from_millis(100));
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
    let left = shelf.lock().expect("lock the shelf").items.len();
    say!("left on the shelf: {left}");
}
