//! 잘못된 풀이(두 번째 블라인드 리뷰): 일마다 막히는 apply를 반복문 안에서 부릅니다. 실패는
//! 따로 받지만 일이 하나씩 차례로 돕니다.
//! Wrong (from the second blind review): a blocking apply for each task, in a loop: each
//! failure is kept apart, but the tasks run one after another.
//! Named: never ran at the same time

use common::pool::Pool;
use common::say;

pub fn each_on_its_own(work: fn(u64) -> u64, xs: &[u64]) {
    let pool = Pool::new(xs.len()).expect("start the pool");
    for &x in xs {
        match pool.apply(work, x) {
            Ok(y) => say!("{x}: {y}"),
            Err(error) => say!("{x}: failed ({error})"),
        }
    }
}

fn work(x: u64) -> u64 {
    match x {
        3 => panic!("no square for {x}"),
        5 => std::process::abort(),
        _ => x * x,
    }
}

fn main() {
    common::init();
    each_on_its_own(work, &[1, 2, 3, 4, 5, 6]);
}
