//! Wrong (from the second blind review): no channel; main looks at `is_finished()` on every
//! handle every 10 ms, in place of waiting for the results as they complete.
//! Named: is not waiting
use common::python::Py;
use common::{say, sleep_secs};
use std::thread;
use std::time::Duration;

pub fn submit_all(xs: &[u64], work: fn(u64) -> u64) -> Vec<u64> {
    let mut pending: Vec<(usize, u64, thread::JoinHandle<u64>)> = xs
        .iter()
        .enumerate()
        .map(|(i, &x)| (i, x, thread::spawn(move || work(x))))
        .collect();
    let mut in_order = vec![0; xs.len()];
    while !pending.is_empty() {
        let mut k = 0;
        while k < pending.len() {
            if pending[k].2.is_finished() {
                let (i, x, handle) = pending.remove(k);
                let y = handle.join().expect("a task");
                say!("as_completed: {x} -> {y}");
                in_order[i] = y;
            } else {
                k += 1;
            }
        }
        thread::sleep(Duration::from_millis(10));
    }
    in_order
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
