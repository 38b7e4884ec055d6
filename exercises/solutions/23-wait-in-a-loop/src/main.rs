//! 연습 23의 풀이 — `if`가 아니라 `while`: 깨어날 때마다 조건을 다시 확인하고, 조건이 맞지 않으면
//! 다시 기다립니다.
//!
//! Exercise 23, a solution: `while`, not `if`: after every wake-up the condition
//! is checked again, and the thread waits again while it does not hold.

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
    loop {
        let mut s = shelf.lock().expect("lock the shelf");
        while s.items.is_empty() && !s.done {
            s = changed.wait(s).expect("wait on the condition");
        }
        let Some(item) = s.items.pop_front() else {
            return; // 비었고, 끝났음 (empty, and done)
        };
        drop(s);
        say!("consumed {item}");
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
        // 종이 울리면 새로 온 것 없이 기다리는 쪽이 모두 깹니다. 다른 까닭의 `notify_all`이나
        // 가짜 깨어남(spurious wake-up)도 그렇습니다.
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
