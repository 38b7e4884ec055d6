//! 맞는 풀이(다른 도구): 방문자마다 자기 몫을 세어 두었다가 전역 atomic에 한 번에 더합니다.
//! 더하기 하나하나는 여전히 쪼개지지 않고, 모든 방문자가 전역에 직접 더합니다.
//! Right (another tool): each visitor counts its own share, then adds it to the global atomic
//! at once: each addition is still indivisible, and every visitor adds to the global itself.

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
                    // 자기 몫을 세어 두었다가 전역에 한 번에 더함 (counts its own share, then adds it at once)
                    let mut mine = 0;
                    for _ in 0..visits {
                        mine += 1;
                    }
                    VISITS.fetch_add(std::hint::black_box(mine), Ordering::Relaxed);
                    say!("visitor {t} done");
                })
                .expect("spawn a visitor");
        }
    });
    VISITS.load(Ordering::Relaxed)
}

fn main() {
    say!("visits: {}", count_visits(2, 2_000_000));
}
