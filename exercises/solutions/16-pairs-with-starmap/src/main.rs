//! 연습 16의 풀이 — `starmap`은 쌍을 받아 쌍마다 풀어서 `f(a, b)`로 부릅니다. 파이썬의
//! `pool.starmap`과 같습니다.
//!
//! Exercise 16, a solution: `starmap` takes pairs and calls `f(a, b)` with each
//! pair unpacked, as Python's `pool.starmap` does.

use common::pool::Pool;
use common::python::Py;
use common::{current_process, say};

pub fn products(f: fn(u64, u64) -> u64, pairs: Vec<(u64, u64)>) -> Vec<u64> {
    let pool = Pool::new(2).expect("start the pool");
    pool.starmap(f, pairs).expect("starmap") // 짝마다 두 인자로 풀어서 (each pair as two arguments)
}

fn mul(a: u64, b: u64) -> u64 {
    say!("{a} * {b} in {}", current_process().name);
    a * b
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    let results = products(mul, vec![(2, 3), (4, 5), (6, 7)]);
    say!("products: {}", Py(&results));
}
