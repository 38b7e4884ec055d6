//! Wrong: the pairs computed in main, one after another; the pool left idle.

use common::pool::Pool;
use common::python::Py;
use common::{current_process, say};

pub fn products(f: fn(u64, u64) -> u64, pairs: Vec<(u64, u64)>) -> Vec<u64> {
    let _pool = Pool::new(2).expect("start the pool");
    pairs.into_iter().map(|(a, b)| f(a, b)).collect()
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
