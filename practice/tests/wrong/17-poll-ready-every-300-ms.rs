//! 틀림(세 번째 눈가림 검토에서): main이 `get`에서 기다리지 않고 결과마다
//! 300ms마다 `ready()`를 봅니다. 1초에 몇 번만 깨어나서 깨는 횟수만 세던 때는
//! 통과했고, 조용한 틈 규칙이 잡습니다.
//! Wrong (from the third blind review): main looks at each result's `ready()` every 300 ms in
//! turn, in place of waiting in `get`: it wakes only a few times a second, so it passed while
//! only the wakes were counted; the quiet-spell rule catches it.
//! Named: is not waiting

use common::pool::Pool;
use common::say;
use std::time::Duration;

pub fn each_on_its_own(work: fn(u64) -> u64, xs: &[u64]) {
    let pool = Pool::new(xs.len()).expect("start the pool");
    let pending: Vec<_> = xs
        .iter()
        .map(|&x| (x, pool.apply_async(work, x).expect("apply_async")))
        .collect();
    for (x, result) in &pending {
        while !result.ready() {
            std::thread::sleep(Duration::from_millis(300));
        }
        match result.get() {
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
