//! Wrong (from the blind review): a pool with a worker for every task, `maxtasksperchild` never
//! used: no worker ever retires.
//! Named: pool workers were alive at one time

use common::pool::Pool;
use common::python::Py;
use common::{current_process, say};
use std::sync::Mutex;

pub fn with_fresh_workers(work: fn(u64) -> u64, xs: Vec<u64>, most: usize) -> Vec<u64> {
    let _ = most; // one task per worker is never more than `most`
    let pool = Pool::new(xs.len().max(1)).expect("start the pool");
    pool.map_chunked(work, xs, 1).expect("map")
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
