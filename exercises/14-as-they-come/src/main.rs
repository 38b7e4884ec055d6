//! 연습 14 — 오는 대로 찍기 (Pool — imap)
//! Exercise 14 — print them as they come (the Pool: imap)
//!
//! 할 일: `print_as_they_come(work, xs)`는 풀에서 `xs`의 값마다 `work`를 돌리고, 결과마다 입력
//! 순서대로 "got y"를 출력합니다. 결과를 모두 기다렸다가 출력하지 말고, 하나씩 오는 대로 출력하세요
//! (파이썬의 `for y in pool.imap(work, xs):`). 지금은 `map`이 마지막 결과까지 모두 기다립니다.
//! 검사기는 마지막 일이 1.5초 걸리는 자기 `work`로 이 함수를 부릅니다.
//! Task: `print_as_they_come(work, xs)` runs `work` on each value of `xs` in a pool, and prints
//! "got y" for each result, in the inputs' order. Do not wait for all of them: print each as it
//! comes (Python's `for y in pool.imap(work, xs):`). Today `map` waits for the last result before
//! anything is printed. The checker calls the function with a `work` of its own whose last task
//! takes 1.5 s.
//!
//! 확인 / Check: `cargo run -p practice -- check 14`

use common::pool::Pool;
use common::{say, sleep_secs};

pub fn print_as_they_come(work: fn(u64) -> u64, xs: &[u64]) {
    let pool = Pool::new(2).expect("start the pool");
    // TODO: 결과를 끝에 한꺼번에 말고, 오는 대로 하나씩.
    //       each result as it comes, not all of them at the end.
    let results = pool.map(work, xs.to_vec()).expect("map");
    for y in results {
        say!("got {y}");
    }
}

/// 작업: 마지막 수가 가장 오래 걸립니다.
/// The work: the last number takes longest.
fn slow_square(x: u64) -> u64 {
    sleep_secs(if x == 6 { 3.0 } else { 0.1 });
    x * x
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    print_as_they_come(slow_square, &[1, 2, 3, 4, 5, 6]);
}
