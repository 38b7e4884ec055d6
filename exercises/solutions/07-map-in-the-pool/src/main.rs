//! 연습 07의 풀이 — 보통 `fn`을 넘기고, 작업 프로세스는 그 주소로 함수를 찾습니다.
//!
//! Exercise 07, a solution: a plain `fn`, found by its address in the workers.

use common::pool::Pool;
use common::python::Py;
use common::say;

/// 항목마다 작업 프로세스 넷짜리 풀에서 `f`를 돌리고, 결과를 항목 순서대로 돌려줍니다.
/// `f` applied to every item in a pool of four workers; the results in the items' order.
pub fn map_in_the_pool(f: fn(u32) -> u32, items: Vec<u32>) -> Vec<u32> {
    let pool = Pool::new(4).expect("start the pool");
    pool.map(f, items).expect("map")
}

fn add_ten(x: u32) -> u32 {
    x + 10
}

fn main() {
    let results = map_in_the_pool(add_ten, (1..=10).collect());
    say!("results: {}", Py(&results));
}
