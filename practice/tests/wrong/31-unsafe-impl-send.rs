//! Wrong: the refusal silenced with `unsafe`: an `Rc` in a wrapper that promises `Send`, so its
//! clones go to other threads, whose counts change it without atomics.

use common::say;
use std::rc::Rc;
use std::thread;

struct Shared(Rc<Vec<u64>>);
unsafe impl Send for Shared {} // "it compiles now"

pub fn sum_in_threads(items: Vec<u64>, adders: usize) -> u64 {
    let items = Rc::new(items);
    let handles: Vec<thread::JoinHandle<u64>> = (0..adders)
        .map(|t| {
            let items = Shared(Rc::clone(&items));
            thread::Builder::new()
                .name(format!("adder {t}"))
                .spawn(move || {
                    let items = items;
                    let part: u64 = items.0.iter().skip(t).step_by(adders).sum();
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
