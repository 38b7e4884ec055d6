//! 연습 07 — Pool.map으로 함수를 돌리고 결과를 순서대로 모으기 (노트 Pool 사용하기)
//! Exercise 07 — Pool.map a function and collect the results in order (notes: Pool 사용하기)
//!
//! 할 일: 작업 프로세스가 넷인 풀에서 1부터 10까지 각 수에 10을 더해 "results: [11, 12, ..., 20]"을 출력하게 하세요.
//! 지금은 컴파일되지 않습니다. 풀에 넘기는 것은 값을 캡처한 클로저가 아니라 평범한 `fn`이어야 합니다.
//! 검사기는 `map_in_the_pool`에 자기 함수를 넘겨, 그 함수가 풀의 작업 프로세스에서 도는지 봅니다.
//! Task: in a pool of four workers, add 10 to each of 1 to 10 and print "results: [11, 12, ..., 20]".
//! Today it does not compile: what a pool runs is a plain `fn`, not a closure that captures values.
//! The checker hands `map_in_the_pool` a function of its own and sees that it runs in pool workers.
//!
//! 확인 / Check: `cargo run -p practice -- check 07`

use common::pool::Pool;
use common::python::Py;
use common::say;

/// 항목마다 작업 프로세스 넷짜리 풀에서 `f`를 돌리고, 결과를 항목 순서대로 돌려줍니다.
/// `f` applied to every item in a pool of four workers; the results in the items' order.
pub fn map_in_the_pool(f: fn(u32) -> u32, items: Vec<u32>) -> Vec<u32> {
    let pool = Pool::new(4).expect("start the pool");
    pool.map(f, items).expect("map")
}

fn main() {
    let offset = 10;
    // TODO: `offset`을 캡처한 클로저는 작업 프로세스에 보낼 수 없습니다.
    //       the workers cannot be sent a closure that captures `offset`.
    let results = map_in_the_pool(|x: u32| x + offset, (1..=10).collect());
    say!("results: {}", Py(&results));
}
