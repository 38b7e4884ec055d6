//! Wrong (from the third blind review): no maxtasksperchild: a brand-new pool of two is started
//! for every batch of 2*most items (hoping each worker takes half) and dropped after it.
//! Named: pools

use common::pool::Pool;
use common::python::Py;
use common::{current_process, say};
use std::sync::Mutex;

pub fn with_fresh_workers(work: fn(u64) -> u64, xs: Vec<u64>, most: usize) -> Vec<u64> {
    let mut out = Vec::with_capacity(xs.len());
    for batch in xs.chunks(2 * most.max(1)) {
        let pool = Pool::new(2).expect("start the pool");
        out.extend(pool.map_chunked(work, batch.to_vec(), 1).expect("map"));
        drop(pool);
    }
    out
}

static CACHE: Mutex<Vec<u64>> = Mutex::new(Vec::new());

fn square(x: u64) -> u64 {
    let mut cache = CACHE.lock().expect("the cache");
    cache.push(x);
    say!("{} holds {} items", current_process().name, cache.len());
    x * x
}

fn main() {
    common::init();
    let squares = with_fresh_workers(square, (1..=8).collect(), 2);
    say!("squares: {}", Py(&squares));
}
