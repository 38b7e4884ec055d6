//! Wrong: the tasks run one after another on main, no executor.

use common::python::Py;
use common::{say, sleep_secs};

pub fn submit_all(xs: &[u64], work: fn(u64) -> u64) -> Vec<u64> {
    let mut results = Vec::new();
    for &x in xs {
        let y = work(x);
        say!("as_completed: {x} -> {y}");
        results.push(y);
    }
    results
}

/// The work: the smaller the number, the longer it takes.
fn slow_square(x: u64) -> u64 {
    sleep_secs(0.2 * (5 - x) as f64);
    x * x
}

fn main() {
    let squares = submit_all(&[1, 2, 3, 4], slow_square);
    say!("map: {}", Py(&squares));
}
