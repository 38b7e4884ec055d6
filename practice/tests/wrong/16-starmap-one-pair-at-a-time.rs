//! Wrong (from the blind review): a one-pair `starmap` for each pair, in a loop: the pairs one at
//! a time.
//! Named: never ran at the same time

use common::pool::Pool;
use common::python::Py;
use common::{current_process, say};

pub fn products(f: fn(u64, u64) -> u64, pairs: Vec<(u64, u64)>) -> Vec<u64> {
    let pool = Pool::new(2).expect("start the pool");
    let mut results = Vec::new();
    for pair in pairs {
        results.push(pool.starmap(f, vec![pair]).expect("starmap")[0]);
    }
    results
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
