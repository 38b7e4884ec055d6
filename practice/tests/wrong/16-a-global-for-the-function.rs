//! Wrong: `f` kept in a global set before the pool starts, and `map` over a wrapper that reads it
//! (the blind review's habit): a fork copies the global into the workers, spawn and forkserver
//! start workers that never saw it.
//! Named: runs the program afresh

use common::pool::Pool;
use common::python::Py;
use common::{current_process, say};
use std::sync::OnceLock;

static F: OnceLock<fn(u64, u64) -> u64> = OnceLock::new();

fn call_pair(pair: (u64, u64)) -> u64 {
    let f = F.get().expect("the function, set by main");
    f(pair.0, pair.1)
}

pub fn products(f: fn(u64, u64) -> u64, pairs: Vec<(u64, u64)>) -> Vec<u64> {
    let _ = F.set(f);
    let pool = Pool::new(2).expect("start the pool");
    pool.map(call_pair, pairs).expect("map")
}

fn mul(a: u64, b: u64) -> u64 {
    say!("{a} * {b} in {}", current_process().name);
    a * b
}

fn main() {
    common::init(); // if __name__ == '__main__':
    let results = products(mul, vec![(2, 3), (4, 5), (6, 7)]);
    say!("products: {}", Py(&results));
}
