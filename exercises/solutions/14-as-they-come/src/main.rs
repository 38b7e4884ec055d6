//! 연습 14의 풀이 — `imap`은 반복자를 줍니다. `next`마다 차례상 다음 결과만 기다리므로, 느린 일이
//! 도는 동안 빠른 일의 결과가 출력됩니다.
//!
//! Exercise 14, a solution: `imap` gives an iterator; each `next` waits only for
//! the next result in order, so the quick ones are printed while the slow one still runs.

use common::pool::Pool;
use common::{say, sleep_secs};

pub fn print_as_they_come(work: fn(u64) -> u64, xs: &[u64]) {
    let pool = Pool::new(2).expect("start the pool");
    for y in pool.imap(work, xs.to_vec()).expect("imap") {
        say!("got {}", y.expect("a result"));
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
