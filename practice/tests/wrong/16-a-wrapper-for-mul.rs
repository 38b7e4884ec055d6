//! Wrong, the Python habit `pool.map(lambda p: mul(*p), pairs)`: `map` with a wrapper that unpacks
//! the pair; a `fn` item cannot capture `f`, so the wrapper calls `mul` by name and the `f` given
//! to `products` is never used.

use common::pool::Pool;
use common::python::Py;
use common::{current_process, say};

pub fn products(f: fn(u64, u64) -> u64, pairs: Vec<(u64, u64)>) -> Vec<u64> {
    let _ = f;
    let pool = Pool::new(2).expect("start the pool");
    pool.map(mul_pair, pairs).expect("map")
}

fn mul_pair((a, b): (u64, u64)) -> u64 {
    mul(a, b)
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
