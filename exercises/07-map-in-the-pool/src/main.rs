//! 연습 07 — Pool.map으로 함수를 돌리고 결과를 순서대로 모으기 (노트 Pool 사용하기)
//! Exercise 07 — Pool.map a function and collect the results in order (notes: Pool 사용하기)
//!
//! 할 일: 작업 프로세스 넷인 풀에서 1부터 10까지에 10을 더해 "results: [11, 12, ..., 20]"을 찍게 하세요.
//! 지금은 컴파일되지 않습니다. 풀에 넘기는 것은 값을 붙잡은 클로저가 아니라 평범한 `fn`이어야 합니다.
//! Task: in a pool of four workers, add 10 to each of 1 to 10 and print "results: [11, 12, ..., 20]".
//! Today it does not compile: what a pool runs is a plain `fn`, not a closure that captures values.
//!
//! 확인 / check: `cargo run -p practice -- check 07`

use common::pool::Pool;
use common::python::Py;
use common::say;

fn main() {
    let pool = Pool::new(4).expect("start the pool");
    let offset = 10;
    // TODO: the workers cannot be sent a closure that captures `offset`.
    let results = pool.map(|x: u32| x + offset, 1..=10).expect("map");
    say!("results: {}", Py(&results));
}
