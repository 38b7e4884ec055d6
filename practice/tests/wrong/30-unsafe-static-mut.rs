//! Wrong: the refusal silenced with `unsafe`: two threads change the global at once and lose visits.

use common::say;
use std::thread;

pub static mut VISITS: u64 = 0;

pub fn count_visits(visitors: usize, visits: u64) -> u64 {
    thread::scope(|scope| {
        for t in 0..visitors {
            thread::Builder::new()
                .name(format!("visitor {t}"))
                .spawn_scoped(scope, move || {
                    for _ in 0..visits {
                        unsafe { VISITS += 1 } // "it compiles now"
                    }
                    say!("visitor {t} done");
                })
                .expect("spawn a visitor");
        }
    });
    unsafe { VISITS }
}

fn main() {
    say!("visits: {}", count_visits(2, 2_000_000));
}
