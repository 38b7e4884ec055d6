//! Wrong: the Python habit of `list(pool.imap(...))`: every result collected before the first is printed.

use common::pool::Pool;
use common::{say, sleep_secs};

pub fn print_as_they_come(work: fn(u64) -> u64, xs: &[u64]) {
    let pool = Pool::new(2).expect("start the pool");
    // Python's `list(pool.imap(work, xs))`: every result collected first
    let all: Vec<u64> = pool
        .imap(work, xs.to_vec())
        .expect("imap")
        .map(|y| y.expect("a result"))
        .collect();
    for y in all {
        say!("got {y}");
    }
}

/// The work: the last number takes longest.
fn slow_square(x: u64) -> u64 {
    sleep_secs(if x == 6 { 3.0 } else { 0.1 });
    x * x
}

fn main() {
    common::init(); // if __name__ == '__main__':
    print_as_they_come(slow_square, &[1, 2, 3, 4, 5, 6]);
}
