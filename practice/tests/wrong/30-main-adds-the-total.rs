//! 잘못된 풀이(두 번째 블라인드 리뷰): 방문자는 자기 몫만 세고 전역에는 더하지 않으며, main이
//! 방문자 수 × 방문 수를 나중에 전역에 넣습니다.
//! Wrong (from the second blind review): the visitors count on their own and never add to the
//! global; main puts visitors times visits into it afterwards.
//! Named: stayed 0 while the visitor threads were alive

use common::say;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

pub static VISITS: AtomicU64 = AtomicU64::new(0);

pub fn count_visits(visitors: usize, visits: u64) -> u64 {
    thread::scope(|scope| {
        for t in 0..visitors {
            thread::Builder::new()
                .name(format!("visitor {t}"))
                .spawn_scoped(scope, move || {
                    let mut mine = 0u64;
                    for _ in 0..visits {
                        mine += 1;
                    }
                    std::hint::black_box(mine);
                    say!("visitor {t} done");
                })
                .expect("spawn a visitor");
        }
    });
    VISITS.fetch_add(visitors as u64 * visits, Ordering::SeqCst);
    VISITS.load(Ordering::SeqCst)
}

fn main() {
    say!("visits: {}", count_visits(2, 2_000_000));
}
