//! 연습 30 — 전역 변수는 atomic으로 (러스트가 거부하는 것 — 03: Python의 `global`을 `static mut`로)
//! Exercise 30 — an atomic global (what Rust refuses — 03: Python's `global` as a `static mut`)
//!
//! 할 일: `count_visits(visitors, visits)`에서 스레드 `visitors`개가 각자 전역 카운터 `VISITS`에
//! `visits`번 1을 더하고 "visitor t done"을 출력합니다. 함수는 다 더한 값을 돌려줍니다. 파이썬에서는
//! `global visits; visits += 1`이지만, 지금 코드는 컴파일되지 않습니다. 컴파일러의 말을 읽고,
//! `unsafe` 없이 고치세요. 검사기는 이 함수를 다른 값으로도 부르고 합이 정확한지 봅니다.
//! Task: in `count_visits(visitors, visits)`, `visitors` threads each add 1 to the global counter
//! `VISITS` `visits` times, then print "visitor t done". The function returns the total. Python
//! writes `global visits; visits += 1`; this code does not compile. Read what the compiler says,
//! and fix it without `unsafe`. The checker calls the function with other numbers too, and sees
//! whether the total is exact.
//!
//! 확인 / Check: `cargo run -p practice -- check 30`

use common::say;
use std::thread;

pub static mut VISITS: u64 = 0;

pub fn count_visits(visitors: usize, visits: u64) -> u64 {
    thread::scope(|scope| {
        for t in 0..visitors {
            thread::Builder::new()
                .name(format!("visitor {t}"))
                .spawn_scoped(scope, move || {
                    for _ in 0..visits {
                        VISITS += 1;
                    }
                    say!("visitor {t} done");
                })
                .expect("spawn a visitor");
        }
    });
    VISITS
}

fn main() {
    say!("visits: {}", count_visits(2, 2_000_000));
}
