//! Wrong (from the third blind review): main looks at each handle's `is_finished()` every 150 ms
//! instead of receiving each result as it comes.
//! Named: polling

use common::python::Py;
use common::{say, sleep_secs};
use std::thread;
use std::time::Duration;

pub fn submit_all(xs: &[u64], work: fn(u64) -> u64) -> Vec<u64> {
    let mut handles: Vec<Option<thread::JoinHandle<u64>>> = xs
        .iter()
        .map(|&x| Some(thread::spawn(move || work(x))))
        .collect();
    let mut results = vec![0; xs.len()];
    let mut left = xs.len();
    while left > 0 {
        for (i, slot) in handles.iter_mut().enumerate() {
            if slot.as_ref().is_some_and(|h| h.is_finished()) {
                let y = slot.take().expect("a handle").join().expect("a task");
                say!("as_completed: {} -> {y}", xs[i]);
                results[i] = y;
                left -= 1;
            }
        }
        if left > 0 {
            thread::sleep(Duration::from_millis(150));
        }
    }
    results
}

fn slow_square(x: u64) -> u64 {
    sleep_secs(0.2 * (5 - x) as f64);
    x * x
}

fn main() {
    let squares = submit_all(&[1, 2, 3, 4], slow_square);
    say!("map: {}", Py(&squares));
}
