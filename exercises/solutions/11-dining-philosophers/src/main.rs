//! 연습 11의 풀이 — 번호가 작은 포크를 먼저 잡습니다(마지막 철학자는 왼쪽보다 0번 포크를 먼저).
//! 그래서 모두가 포크를 하나씩 쥔 채 서로를 기다리는 순환 대기가 생기지 않습니다.
//!
//! Exercise 11, a solution: take the lower-numbered fork first (the last
//! philosopher takes fork 0 before its left), so they can never each hold one and wait in a circle.

use common::say;
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

/// 포크 `philosophers`개를 둘러앉은 철학자 `philosophers`명. 철학자마다 스레드 하나가 `meals`번 먹습니다.
/// `philosophers` around as many forks, each a thread that eats `meals` times.
pub fn dine(philosophers: usize, meals: usize) {
    let forks: Vec<Mutex<()>> = (0..philosophers).map(|_| Mutex::new(())).collect();
    let holding = (Mutex::new(0), Condvar::new());
    thread::scope(|scope| {
        for p in 0..philosophers {
            let (forks, holding) = (&forks, &holding);
            scope.spawn(move || {
                let (left, right) = (p, (p + 1) % philosophers);
                // 번호가 작은 포크부터: 마지막 철학자는 왼쪽보다 포크 0을 먼저 잡으므로, 모두가 포크 하나씩 쥐고
                // 다음 포크를 기다리는 일은 생기지 않습니다.
                // The lower-numbered fork first: the last philosopher takes fork 0 before its
                // left, so not everyone can hold one fork and wait for the next.
                let (first, second) = (left.min(right), left.max(right));
                for meal in 0..meals {
                    let _first = forks[first].lock().expect("a fork");
                    if meal == 0 {
                        at_the_table(holding, philosophers);
                    }
                    let _second = forks[second].lock().expect("a fork");
                    say!("philosopher {p} eats");
                }
                say!("philosopher {p} ate {meals} times");
            });
        }
    });
}

fn main() {
    dine(5, 3);
    say!("all philosophers ate");
}

/// 모두 첫 포크를 쥘 때까지(또는 200ms) 기다립니다. 교착이 생길 수 있는 코드라면
/// 여기서 실제로 생깁니다.
/// Waits until all hold their first fork, or 200 ms: it lines up the deadlock, if there is one
/// to line up.
fn at_the_table(holding: &(Mutex<usize>, Condvar), philosophers: usize) {
    let (count, all_there) = holding;
    let mut count = count.lock().expect("count");
    *count += 1;
    all_there.notify_all();
    let _ = all_there
        .wait_timeout_while(count, Duration::from_millis(200), |n| *n < philosophers)
        .expect("wait");
}
