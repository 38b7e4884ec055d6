//! 틀림(세 번째 눈가림 검토에서): 세마포어 없이, 안에 있는 수를 보고 가득 차 있으면
//! 100ms 잡니다. 기다리는 동안 몇 번만 깨어나서 깨는 횟수만 세던 때는 통과했고,
//! 조용한 틈 규칙이 잡습니다.
//! Wrong (from the third blind review): no semaphore: a worker looks at a count of who is inside
//! and sleeps 100 ms while it is full: it wakes only a few times while it waits, so it passed
//! while only the wakes were counted; the quiet-spell rule catches it.
//! Named: is not waiting

use common::say;
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

pub fn at_most_two(workers: usize, inside_ms: u64) {
    let inside = Mutex::new(0usize);
    thread::scope(|scope| {
        for i in 0..workers {
            let inside = &inside;
            thread::Builder::new()
                .name(format!("worker {i}"))
                .spawn_scoped(scope, move || {
                    loop {
                        let mut n = inside.lock().expect("count");
                        if *n < 2 {
                            *n += 1;
                            break;
                        }
                        drop(n);
                        thread::sleep(Duration::from_millis(100));
                    }
                    say!("enter {i}");
                    thread::sleep(Duration::from_millis(inside_ms));
                    say!("leave {i}");
                    *inside.lock().expect("count") -= 1;
                })
                .expect("spawn a worker");
        }
    });
}

fn main() {
    at_most_two(6, 500);
}
