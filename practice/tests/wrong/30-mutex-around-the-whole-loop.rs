//! 잘못된 풀이(블라인드 리뷰): 전역을 `Mutex`로 만들고 방문자마다 반복 전체를 잠급니다. 합은 맞지만
//! 방문자가 하나씩 차례로 셉니다(동시에 돌지 않음).
//! Wrong (from the blind review): the global is a `Mutex`, and each visitor holds it around its
//! whole loop: the total is right, but the visitors count one after another.
//! Named: never free while a visitor was midway

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
                    let mut count = VISITS.lock().expect("the visits");
                    for _ in 0..visits {
                        *count += 1;
                    }
                    drop(count);
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
