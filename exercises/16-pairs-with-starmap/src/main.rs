//! 연습 16 — 짝으로 부르기 (Pool — starmap)
//! Exercise 16 — pairs with starmap (the Pool: starmap)
//!
//! 할 일: `products(f, pairs)`는 풀에서 짝 `(a, b)`마다 인자가 둘인 함수 `f(a, b)`를 돌리고,
//! 결과를 짝의 순서대로 돌려줍니다. 파이썬에서 `pool.map(f, zip(a, b))`는 `f`가 짝 하나를 받아
//! `TypeError`가 나고, 지금 코드는 컴파일되지 않습니다. 컴파일러의 말을 읽고, 짝을 두 인자로 풀어
//! 넘기는 풀의 메서드를 쓰세요(파이썬의 `pool.starmap`). 검사기는 어디서 돌았는지 알려 주는 자기
//! 함수로 이 함수를 부릅니다.
//! Task: `products(f, pairs)` runs the two-argument function `f(a, b)` in a pool for each pair
//! `(a, b)` and returns the results in the pairs' order. In Python, `pool.map(f, zip(a, b))` hands
//! `f` one pair and raises `TypeError`; this code does not compile. Read what the compiler says,
//! and use the pool's method that unpacks each pair into two arguments (Python's
//! `pool.starmap`). The checker calls the function with a function of its own that says where it
//! ran.
//!
//! 확인 / Check: `cargo run -p practice -- check 16`

use common::pool::Pool;
use common::python::Py;
use common::{current_process, say};

pub fn products(f: fn(u64, u64) -> u64, pairs: Vec<(u64, u64)>) -> Vec<u64> {
    let pool = Pool::new(2).expect("start the pool");
    pool.map(f, pairs).expect("map")
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
