//! Wrong (from the blind review): `apply_async` for every task, then each result's `ready()`
//! looked at every 100 ms, in order, instead of `imap` (it passed until the pool's own wait
//! stopped waking main every 100 ms).
//! Named: is not waiting

use common::pool::{AsyncResult, Pool};
use common::{say, sleep_secs};
use std::time::Duration;

pub fn print_as_they_come(work: fn(u64) -> u64, xs: &[u64]) {
    let pool = Pool::new(2).expect("start the pool");
    let pending: Vec<AsyncResult<u64>> = xs
        .iter()
        .map(|&x| pool.apply_async(work, x).expect("apply_async"))
        .collect();
    for result in &pending {
        while !result.ready() {
            std::thread::sleep(Duration::from_millis(100));
        }
        say!("got {}", result.get().expect("get"));
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
