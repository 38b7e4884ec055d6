//! 검사기가 연습 16의 `products(f, pairs)`를 자기 짝과 자기 함수로 부릅니다. 그 함수는 어디서
//! 돌았는지 출력하고, 짝마다 100ms 걸리며 시작과 끝("task a starts", "task a ends")을 출력합니다. 가장
//! 먼저 시작한 짝은 다른 짝이 시작할 때까지 기다립니다(`meet.rs`).
//!
//! The checker calls exercise 16's `products(f, pairs)` with pairs and a function of its own,
//! which says where it ran and takes 100 ms a pair, printing its start and end ("task a starts",
//! "task a ends"). The pair that starts first waits for another to start (`meet.rs`).

#[allow(dead_code)]
#[path = "../16-pairs-with-starmap/src/main.rs"]
mod learner;

use check_protocol::{Found, report};

mod meet;
use common::{current_process, say};

fn f(a: u64, b: u64) -> u64 {
    say!("task {a} starts");
    say!("work {a} in {}", current_process().name);
    let running = meet::running(a);
    std::thread::sleep(std::time::Duration::from_millis(100));
    drop(running);
    say!("task {a} ends");
    a * 100 + b
}

fn main() {
    common::init();
    let args: [u64; 2] = check_protocol::numbers();
    let pairs: Vec<(u64, u64)> = (1..=args[0]).map(|a| (a, a + args[1])).collect();
    let products = learner::products(f, pairs);
    meet::clean_up();
    let products = products.into_iter().map(|p| p as i64).collect();
    say!("{}", report(Found::Numbers(products)));
}
