//! 맞는 풀이(다른 도구): 전역을 `Mutex`로 만들고 방문 하나마다 잠급니다. atomic보다 느리지만
//! 더하기 하나하나가 쪼개지지 않고, 방문자들이 동시에 돕니다.
//! Right (another tool): the global is a `Mutex`, locked for each visit: slower than an atomic,
//! but each increment is indivisible and the visitors run at the same time.

use common::say;
use std::sync::Mutex;
use std::thread;

pub static VISITS: Mutex<u64> = Mutex::new(0);

pub fn count_visits(visitors: usize, visits: u64) -> u64 {
    thread::scope(|scope| {
        for t in 0..visitors {
            thread::Builder::new()
                .name(format!("visitor {t}"))
                .spawn_scoped(scope, move || {
                    for _ in 0..visits {
                        *VISITS.lock().expect("the visits") += 1;
                    }
                    say!("visitor {t} done");
                })
                .expect("spawn a visitor");
        }
    });
    *VISITS.lock().expect("the visits")
}

fn main() {
    say!("visits: {}", count_visits(2, 2_000_000));
}
