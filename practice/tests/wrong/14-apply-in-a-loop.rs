//! Wrong (from the blind review): `pool.apply` in a loop in place of `imap`: the slow task starts
//! only after the others are printed.
//! Named: never ran at the same time

use common::pool::Pool;
use common::{say, sleep_secs};

pub fn print_as_they_come(work: fn(u64) -> u64, xs: &[u64]) {
    let pool = Pool::new(2).expect("start the pool");
    for &x in xs {
        let y = pool.apply(work, x).expect("apply");
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
