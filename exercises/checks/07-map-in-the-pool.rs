//! The checker hands exercise 07's `map_in_the_pool(f, items)` a function of its own, which says
//! where it ran: the trace then shows whether the items were computed in pool workers.

#[allow(dead_code)]
#[path = "../07-map-in-the-pool/src/main.rs"]
mod learner;

use check_protocol::{Found, report};

use std::sync::atomic::{AtomicU32, Ordering};

/// The checker's factor, set before the pool starts (its workers are forked after it).
static FACTOR: AtomicU32 = AtomicU32::new(0);

fn probe(x: u32) -> u32 {
    common::say!("computing {x}");
    x * FACTOR.load(Ordering::SeqCst) + 1
}

fn main() {
    let args: [u32; 2] = check_protocol::numbers();
    FACTOR.store(args[1], Ordering::SeqCst);
    let results = learner::map_in_the_pool(probe, (1..=args[0]).collect());
    let results = results.into_iter().map(i64::from).collect();
    common::say!("{}", report(Found::Numbers(results)));
}
