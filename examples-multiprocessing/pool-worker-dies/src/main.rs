//! Pool 사용하기, after the notes — a worker killed in the middle of a `map`.
//!
//! Run: `cargo run -p pool-worker-dies`
//! Notice: the `map` returns an error naming the worker and the items it lost; the pool starts a
//! new worker, and the next `map` succeeds. CPython 3.11's `Pool.map` waits forever here (the
//! long-known bpo-22393): its twin, `python/pool-worker-dies.py`, is ended by a timeout.

use common::pool::Pool;
use common::python::Py;
use common::say;
use nix::sys::signal::{Signal, kill};

/// Item 3 kills the worker that runs it, as the OOM killer or a `kill -9` would.
fn work(x: u32) -> u32 {
    if x == 3 {
        let _ = kill(nix::unistd::getpid(), Signal::SIGKILL);
    }
    x
}

fn square(x: u32) -> u32 {
    x * x
}

fn main() {
    common::init(); // if __name__ == '__main__':
    let pool = Pool::new(2).expect("start the pool");
    let before = pool.worker_pids();
    match pool.map_chunked(work, 0..8, 1) {
        Ok(results) => say!("map: {}", Py(&results)),
        Err(error) => say!("map failed: {error}"),
    }
    say!(
        "next map: {}",
        Py(&pool.map(square, 0..8).expect("the next map"))
    );
    let after = pool.worker_pids();
    let new = after.iter().filter(|pid| !before.contains(pid)).count();
    say!("workers replaced: {new}");
}
