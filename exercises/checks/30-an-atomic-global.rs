//! The checker calls exercise 30's `count_visits(visitors, visits)` with its own numbers, the
//! visitors stopped at random moments (`interrupt_threads`): a read and a write that are not one
//! indivisible step, interrupted between the two, lose what the others added meanwhile. After the
//! call it prints the global `VISITS` itself: a total worked out without it leaves it 0.

#[allow(dead_code)]
#[path = "../30-an-atomic-global/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::say;
use std::time::Duration;

fn main() {
    let args: [u64; 2] = check_protocol::numbers();
    let interrupter =
        common::perturb::interrupt_threads(Duration::from_micros(100), Duration::from_micros(300));
    let total = learner::count_visits(args[0] as usize, args[1]);
    interrupter.stop();
    // The global itself, whatever its type (`AtomicU64`, or a `Mutex<u64>`): its `Debug`.
    let global = format!("{:?}", learner::VISITS);
    let total = total as i64;
    say!("{}", report(Found::Global { total, global }));
}
