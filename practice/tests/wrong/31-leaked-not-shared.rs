//! Wrong (from the third blind review): no Arc: the list is leaked (`Box::leak`) to get a
//! `&'static` slice the threads borrow, and its memory is never freed.
//! Named: never freed

use common::say;
use std::thread;

pub fn sum_in_threads(items: Vec<u64>, adders: usize) -> u64 {
    let items: &'static [u64] = Box::leak(items.into_boxed_slice());
    let handles: Vec<thread::JoinHandle<u64>> = (0..adders)
        .map(|t| {
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
