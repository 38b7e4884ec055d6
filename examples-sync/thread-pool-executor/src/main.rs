//! 공유 상태 — `concurrent.futures.ThreadPoolExecutor`: submit, result, as_completed, map.
//!
//! Run: `cargo run -p thread-pool-executor`
//! Notice: `as_completed` hands results back as they finish (the slow small numbers last), `map`
//! in input order. Rust's `thread::scope` lets the threads borrow and is joined at its end; a
//! channel gives completion order; rayon's `par_iter().map()` is `executor.map`.

use common::python::Py;
use common::{say, sleep_secs};
use rayon::prelude::*;
use std::sync::mpsc;
use std::thread;

/// The work: the smaller the number, the longer it takes.
fn square(x: u64) -> u64 {
    sleep_secs(0.2 * (5 - x) as f64);
    x * x
}

fn main() {
    thread::scope(|scope| {
        // `executor.submit(square, 4)` then `future.result()`: a scoped thread, joined.
        let future = scope.spawn(|| square(4));
        say!(
            "submit(square, 4).result(): {}",
            future.join().expect("the task")
        );

        // `as_completed(...)`: each task sends its result when it is done.
        let (done, results) = mpsc::channel();
        for x in 1..=4 {
            let done = done.clone();
            scope.spawn(move || done.send((x, square(x))).expect("send a result"));
        }
        drop(done);
        for (x, result) in results {
            say!("as_completed: square({x}) = {result}");
        }
    });

    // `list(executor.map(square, [1, 2, 3, 4]))`: results in input order.
    let squares: Vec<u64> = [1, 2, 3, 4].into_par_iter().map(square).collect();
    say!("map: {}", Py(&squares));
}
