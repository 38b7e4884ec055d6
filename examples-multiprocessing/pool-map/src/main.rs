//! Pool 사용하기 — `Pool(4).map(work, range(1, 100))` (notes §2).
//!
//! Run: `cargo run -p pool-map`
//! Notice: every number from 1 to 99 is printed once, by four worker processes, in runs of seven
//! (the chunks Python's `map` makes: 99 items / (4 workers * 4), rounded up). The runs of different
//! workers interleave differently on every run. The workers start at `Pool::new`, as Python's do,
//! and stay for every later call.

use common::pool::Pool;
use common::say;

fn work(x: u32) {
    say!("{x}");
}

fn main() {
    common::init(); // if __name__ == '__main__':
    // Four workers, started now (forked by the pool's fork server) and kept until the pool is
    // dropped.
    let pool = Pool::new(4).expect("start the pool");
    let data = 1..100;
    // `work` travels to the workers as where its code lies in this program (they run the same
    // program); Python pickles it by name. The results come back in input order: 99 `()`s, as Python
    // returns 99 `None`s.
    pool.map(work, data).expect("pool.map");
}
