//! Wrong: each task prints its own result where it is done; main prints nothing as they come.

use common::python::Py;
use common::{say, sleep_secs};
use std::thread;

pub fn submit_all(xs: &[u64], work: fn(u64) -> u64) -> Vec<u64> {
    let handles: Vec<thread::JoinHandle<u64>> = xs
        .iter()
        .map(|&x| {
            thread::spawn(move || {
                let y = work(x);
                say!("as_completed: {x} -> {y}"); // printed where it is done
                y
            })
        })
        .collect();
    handles
        .into_iter()
        .map(|h| h.join().expect("a task"))
        .collect()
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
