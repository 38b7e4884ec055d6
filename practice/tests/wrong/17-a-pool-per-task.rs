//! Wrong (from the third blind review): instead of one pool giving a result per task, main
//! starts a separate one-worker pool per task and `map_async`s a one-item list on each, so a failure
//! loses only that pool's map.
//! Named: pools

use common::pool::Pool;
use common::say;

pub fn each_on_its_own(work: fn(u64) -> u64, xs: &[u64]) {
    let pools: Vec<Pool> = xs.iter().map(|_| Pool::new(1).expect("start a pool")).collect();
    let pending: Vec<_> = xs
        .iter()
        .zip(&pools)
        .map(|(&x, pool)| pool.map_async(work, vec![x]).expect("map_async"))
        .collect();
    for (x, result) in xs.iter().zip(pending) {
        match result.get() {
            Ok(ys) => say!("{x}: {}", ys[0]),
            Err(why) => say!("{x}: failed ({why})"),
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
