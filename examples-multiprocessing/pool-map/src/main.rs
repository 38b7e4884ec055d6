//! Pool 사용하기 — `Pool(4).map(work, range(1, 100))` (notes §2).
//!
//! Run: `cargo run -p pool-map`
//! Notice: every number from 1 to 99 is printed once, by four worker processes, in runs of seven
//! (the chunks Python's `map` makes: 99 items / (4 workers * 4), rounded up). The runs of different
//! workers interleave differently on every run.

use common::pool::Pool;
use common::say;

fn work(x: u32) {
    say!("{x}");
}

fn main() {
    let pool = Pool::new(4);
    let data = 1..100;
    // The workers are forked here, inheriting `work`; Python pickles `work` by name instead.
    // `map` returns the results in input order: 99 `()`s, as Python returns 99 `None`s.
    pool.map(work, data).expect("pool.map");
}
