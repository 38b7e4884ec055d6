//! The checker calls exercise 29's `gather_waits(n, wait)` with its own count and its own waits:
//! task i prints "task i starts", awaits a tokio timer of `ms` milliseconds, and prints "task i
//! done". Those lines come only from polling the checker's futures: a program that prints the
//! expected lines itself, or awaits one after another, shows it.

#[allow(dead_code)]
#[path = "../29-gather-on-one-thread/src/main.rs"]
mod learner;

use common::say;
use std::time::Duration;

fn main() {
    let args: [u64; 2] = check_protocol::numbers();
    let ms = args[1];
    learner::gather_waits(args[0] as usize, move |i| async move {
        say!("task {i} starts");
        tokio::time::sleep(Duration::from_millis(ms)).await;
        say!("task {i} done");
    });
}
