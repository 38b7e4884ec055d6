//! Wrong (from the first blind review): a new pool of two for each batch of `most` tasks: no
//! worker does more than `most`, and no worker is ever retired and replaced.
//! Named: pools

use common::pool::Pool;
use common::python::Py;
use common::{current_process, say};
use std::sync::Mutex;

pub fn with_fresh_workers(work: fn(u64) -> u64, xs: Vec<u64>, most: usize) -> Vec<u64> {
    let mut results = Vec::new();
    for batch in xs.chunks(most.max(1)) {
        let pool = Pool::new(2).expect("start the pool");
        results.extend(pool.map_chunked(work, batch.to_vec(), 1).expect("map"));
    }
    results
}

/// A cache that only grows, one per worker process.
static CACHE: Mutex<Vec<u64>> = Mutex::new(Vec::new());

fn square(x: u64) -> u64 {
    let mut cache = CACHE.lock().expect("the cache");
    cache.push(x);
    say!("{} holds {} items", current_process().name, cache.len());
    x * x
}

fn main() {
    common::init(); // if __name__ == '__main__':
    let squares = with_fresh_workers(square, (1..=8).collect(), 2);
    say!("squares: {}", Py(&squares));
}
