//! 5. 멀티프로세싱과 PyQt, the GIL paragraph — CPU-bound work: threads, rayon and processes.
//!
//! Run: `cargo run --release -p cpu-bound` (a size: `cargo run --release -p cpu-bound -- 5000000`)
//! Notice: the same count four times, and the speed-ups. The notes advise processes for CPU work
//! because Python's GIL lets one thread run Python code at a time; Rust has no GIL, so plain
//! threads and rayon speed up as much as processes do, up to the number of free cores (the
//! speed-ups printed are measured: near 2x on 2 idle cores, less on a busy machine or a short job).

use common::pool::Pool;
use common::say;
use rayon::prelude::*;
use std::thread;
use std::time::Instant;

/// The job: count the primes in `[start, end)` by trial division. (A sum of squares would do,
/// but the optimizer turns that into a formula.)
fn count_primes((start, end): (u64, u64)) -> u64 {
    (start..end).filter(|&n| is_prime(n)).count() as u64
}

fn is_prime(n: u64) -> bool {
    n >= 2
        && (2..)
            .take_while(|d| d * d <= n)
            .all(|d| !n.is_multiple_of(d))
}

/// Runs `job` and reports its result and how long it took against `serial_ms`.
fn timed(name: &str, serial_ms: Option<f64>, job: impl FnOnce() -> u64) -> (u64, f64) {
    let started = Instant::now();
    let count = job();
    let ms = started.elapsed().as_secs_f64() * 1e3;
    let speedup = serial_ms
        .map(|serial| format!(", {:.1}x", serial / ms))
        .unwrap_or_default();
    say!("{name:<12} {count} primes in {ms:.0} ms{speedup}");
    (count, ms)
}

fn main() {
    let limit: u64 = match std::env::args().nth(1) {
        None => 1_000_000,
        Some(arg) => arg.parse().unwrap_or_else(|_| {
            eprintln!("error: the size must be a whole number, not {arg:?}");
            std::process::exit(2);
        }),
    };
    let workers = thread::available_parallelism().map_or(2, |n| n.get());
    // 16 tasks of equal width; the later ones hold bigger numbers and take longer.
    let step = limit.div_ceil(16).max(1);
    let tasks: Vec<(u64, u64)> = (0..limit)
        .step_by(step as usize)
        .map(|s| (s, (s + step).min(limit)))
        .collect();
    say!(
        "counting the primes below {limit}: {} tasks, {workers} workers",
        tasks.len()
    );

    let (_, serial_ms) = timed("serial", None, || {
        tasks.iter().copied().map(count_primes).sum()
    });
    let serial = Some(serial_ms);

    // Processes first: `fork` needs a process with one thread, and rayon's pool, once started,
    // keeps its threads for the life of the process.
    timed(&format!("{workers} processes"), serial, || {
        Pool::new(workers)
            .expect("start the pool")
            .map(count_primes, tasks.clone())
            .expect("pool.map")
            .into_iter()
            .sum()
    });

    // Plain threads: worker `w` takes tasks w, w + workers, ... No GIL: they run in parallel.
    timed(&format!("{workers} threads"), serial, || {
        thread::scope(|scope| {
            let handles: Vec<_> = (0..workers)
                .map(|w| {
                    let tasks = &tasks;
                    scope.spawn(move || {
                        tasks
                            .iter()
                            .skip(w)
                            .step_by(workers)
                            .copied()
                            .map(count_primes)
                            .sum::<u64>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("worker thread"))
                .sum()
        })
    });

    // rayon: a work-stealing pool that splits the tasks over the cores by itself.
    timed("rayon", serial, || {
        tasks.par_iter().copied().map(count_primes).sum()
    });
}
