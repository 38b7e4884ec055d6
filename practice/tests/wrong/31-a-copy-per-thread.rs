//! Wrong (from the second blind review): each thread gets a `clone()` of the whole list: it
//! compiles without Rc or Arc, and copies the list once per thread.
//! Named: a Vec's `clone()` copies the whole list

use common::say;
use std::thread;

pub fn sum_in_threads(items: Vec<u64>, adders: usize) -> u64 {
    let handles: Vec<thread::JoinHandle<u64>> = (0..adders)
        .map(|t| {
            let items = items.clone(); // each thread its own copy of the list
            thread::Builder::new()
                .name(format!("adder {t}"))
                .spawn(move || {
                    let part: u64 = items.iter().skip(t).step_by(adders).sum();
                    say!("adder {t}: {part}");
                    part
                })
                .expect("spawn an adder")
        })
        .collect();
    handles
        .into_iter()
        .map(|h| h.join().expect("an adder"))
        .sum()
}

fn main() {
    let total = sum_in_threads((1..=100).collect(), 4);
    say!("total: {total}");
}
