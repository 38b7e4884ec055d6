//! 연습 07의 풀이 — Exercise 07, a solution: a plain `fn`, found by its address in the workers.

use common::pool::Pool;
use common::python::Py;
use common::say;

fn add_ten(x: u32) -> u32 {
    x + 10
}

fn main() {
    let pool = Pool::new(4).expect("start the pool");
    let results = pool.map(add_ten, 1..=10).expect("map");
    say!("results: {}", Py(&results));
}
