//! 연습 11의 풀이 — Exercise 11, a solution: take the lower-numbered fork first (philosopher 4
//! takes fork 0 before fork 4), so the five can never each hold one and wait in a circle.

use common::say;
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

fn at_the_table(holding: &(Mutex<usize>, Condvar)) {
    let (count, all_there) = holding;
    let mut count = count.lock().expect("count");
    *count += 1;
    all_there.notify_all();
    let _ = all_there
        .wait_timeout_while(count, Duration::from_millis(200), |n| *n < 5)
        .expect("wait");
}

fn main() {
    let forks: Vec<Mutex<()>> = (0..5).map(|_| Mutex::new(())).collect();
    let holding = (Mutex::new(0), Condvar::new());
    thread::scope(|scope| {
        for p in 0..5 {
            let (forks, holding) = (&forks, &holding);
            scope.spawn(move || {
                let (left, right) = (p, (p + 1) % 5);
                let (first, second) = (left.min(right), left.max(right));
                for meal in 0..3 {
                    let _first = forks[first].lock().expect("a fork");
                    if meal == 0 {
                        at_the_table(holding);
                    }
                    let _second = forks[second].lock().expect("a fork");
                    say!("philosopher {p} eats");
                }
                say!("philosopher {p} ate 3 times");
            });
        }
    });
    say!("all philosophers ate");
}
