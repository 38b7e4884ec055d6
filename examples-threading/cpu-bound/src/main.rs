//! 5. 멀티프로세싱과 PyQt, the GIL paragraph — CPU-bound work: threads, rayon and processes.
//!
//! 실행 / Run: `cargo run --release -p cpu-bound`
//! (크기 지정 / a size: `cargo run --release -p cpu-bound -- 5000000`)
//! 눈여겨볼 점: 같은 개수를 네 가지 방법으로 세고, 얼마나 빨라졌는지 출력합니다. 노트가 CPU 작업에
//! 프로세스를 권하는 까닭은 파이썬의 GIL 때문에 한 번에 한 스레드만 파이썬 코드를 돌릴 수 있어서입니다.
//! 러스트에는 GIL이 없으므로 그냥 스레드와 rayon도 프로세스만큼, 남는 코어 수까지 빨라집니다(출력되는
//! 배수는 실제로 잰 값입니다. 놀고 있는 코어 2개에서는 2배 가까이, 바쁜 기계나 짧은 작업에서는 덜 나옵니다).
//! Notice: the same count four times, and the speed-ups. The notes advise processes for CPU work
//! because Python's GIL lets one thread run Python code at a time; Rust has no GIL, so plain
//! threads and rayon speed up as much as processes do, up to the number of free cores (the
//! speed-ups printed are measured: near 2x on 2 idle cores, less on a busy machine or a short job).

use common::pool::Pool;
use common::say;
use rayon::prelude::*;
use std::thread;
use std::time::Instant;

/// 할 일: `[start, end)`의 소수를 나눗셈으로 하나하나 확인해 셉니다. (제곱의 합이어도 되지만, 그러면
/// 최적화기가 그 계산을 공식 하나로 바꿔 버립니다.)
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

/// `job`을 돌리고, 그 결과와 걸린 시간을 `serial_ms`에 견주어 알립니다.
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
    // 폭이 같은 작업 16개입니다. 뒤쪽 작업일수록 수가 커서 오래 걸립니다.
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

    // 프로세스가 먼저입니다. `fork`는 스레드가 하나뿐인 프로세스에서 해야 하는데, rayon의 풀은 한번
    // 시작하면 프로세스가 끝날 때까지 자기 스레드를 쥐고 있습니다.
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

    // 그냥 스레드: 작업자 `w`는 작업 w, w + workers, ...를 맡습니다. GIL이 없으니 동시에 돕니다.
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

    // rayon: 작업을 훔쳐 오는(work-stealing) 풀로, 작업을 알아서 코어들에 나눕니다.
    // rayon: a work-stealing pool that splits the tasks over the cores by itself.
    timed("rayon", serial, || {
        tasks.par_iter().copied().map(count_primes).sum()
    });
}
