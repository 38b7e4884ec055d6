//! 잘못된 풀이(블라인드 리뷰): 반복 전체를 잠금 하나로 감쌉니다. 더한 것은 잃지 않지만 스레드가
//! 하나씩 차례로 모두 더합니다(동시에 돌지 않음).
//! Wrong (from the blind review): one lock around the whole loop: no addition is lost, but the
//! threads add one after another, never at the same time.
//! Named: never free while a thread was midway

use common::say;
use std::sync::Mutex;
use std::thread;

pub fn add_under_a_lock(counter: &Mutex<u64>, threads: usize, times: u64, add_one: fn(u64) -> u64) {
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                // with lock: for _ in range(times): counter = add_one(counter)
                let mut c = counter.lock().expect("lock the counter");
                for _ in 0..times {
                    *c = add_one(*c);
                }
            });
        }
    });
}

fn main() {
    let counter = Mutex::new(0);
    add_under_a_lock(&counter, 2, 1_000_000, |n| n + 1);
    say!("counter: {}", counter.into_inner().expect("the counter"));
}
