//! Wrong: main's own `work` empties its cache; the pool still keeps its workers for every task.

use common::pool::Pool;
use common::python::Py;
use common::{current_process, say};
use std::sync::Mutex;

pub fn with_fresh_workers(work: fn(u64) -> u64, xs: Vec<u64>, most: usize) -> Vec<u64> {
    let _ = most; // TODO: no worker does more than `most` tasks.
    let pool = Pool::new(2).expect("start the pool");
    pool.map_chunked(work, xs, 1).expect("map")
}

/// A cache that only grows, one per worker process.
static CACHE: Mutex<Vec<u64>> = Mutex::new(Vec::new());

fn square(x: u64) -> u64 {
    let mut cache = CACHE.lock().expect("the cache");
    cache.clear(); // the leak fixed in this one function
    cache.push(x);
    say!("{} holds {} items", current_process().name, cache.len());
    x * x
}

fn main() {
    common::init(); // if __name__ == '__main__':
    let squares = with_fresh_workers(square, (1..=8).collect(), 2);
    say!("squares: {}", Py(&squares));
}
