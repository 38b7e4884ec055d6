//! Wrong: the visitors are real threads, but none of them counts: the total is worked out as
//! visitors times visits, without a shared counter.

use common::say;
use std::sync::atomic::AtomicU64;
use std::thread;

pub static VISITS: AtomicU64 = AtomicU64::new(0); // declared, never added to

pub fn count_visits(visitors: usize, visits: u64) -> u64 {
    thread::scope(|scope| {
        for t in 0..visitors {
            thread::Builder::new()
                .name(format!("visitor {t}"))
                .spawn_scoped(scope, move || say!("visitor {t} done"))
                .expect("spawn a visitor");
        }
    });
    visitors as u64 * visits
}

fn main() {
    say!("visits: {}", count_visits(2, 2_000_000));
}
