//! Wrong (from the blind review): `pool.apply` in a loop in place of `map`: one item at a time,
//! however many workers.
//! Named: never ran at the same time

use common::pool::Pool;
use common::python::Py;
use common::say;

/// `f` applied to every item in a pool of four workers; the results in the items' order.
pub fn map_in_the_pool(f: fn(u32) -> u32, items: Vec<u32>) -> Vec<u32> {
    let pool = Pool::new(4).expect("start the pool");
    let mut results = Vec::new();
    for x in items {
        results.push(pool.apply(f, x).expect("apply"));
    }
    results
}

fn add_ten(x: u32) -> u32 {
    x + 10
}

fn main() {
    let results = map_in_the_pool(add_ten, (1..=10).collect());
    say!("results: {}", Py(&results));
}
