//! Work spread over workers: the `Pool` (processes), rayon (threads), and the CPU-bound task that
//! the GIL lesson runs on one thread and on two.

use crate::time;
use common::pool::Pool;
use rayon::prelude::*;
use std::thread;
use std::time::Duration;

/// `Pool(2).map` of `n` tiny tasks (`x + 1`).
pub fn pool_map_tiny(n: u64) -> Duration {
    time(|| {
        let pool = Pool::new(2).expect("start the pool");
        let out = pool.map(|x: u64| x + 1, 0..n).expect("map");
        assert_eq!(out.len() as u64, n);
    })
}

/// rayon's `par_iter` over the same `n` tiny tasks.
pub fn rayon_map_tiny(n: u64) -> Duration {
    time(|| {
        let out: Vec<u64> = (0..n).into_par_iter().map(|x| x + 1).collect();
        assert_eq!(out.len() as u64, n);
    })
}

fn square(x: u64) -> u64 {
    x * x
}

/// `n` maps of 100 items on one `Pool(4)`, started before the clock: per map.
pub fn pool_maps_small(n: u64) -> Duration {
    let pool = Pool::new(4).expect("start the pool");
    time(|| {
        for _ in 0..n {
            assert_eq!(pool.map(square, 0..100).expect("map").len(), 100);
        }
    })
}

/// `n` maps of 100,000 items on one `Pool(4)`, started before the clock: per map.
pub fn pool_maps_big(n: u64) -> Duration {
    let pool = Pool::new(4).expect("start the pool");
    time(|| {
        for _ in 0..n {
            assert_eq!(pool.map(square, 0..100_000).expect("map").len(), 100_000);
        }
    })
}

/// The CPU-bound task: count the primes below `limit` by trial division.
pub fn count_primes(limit: u64) -> u64 {
    (2..limit)
        .filter(|&n| {
            (2..)
                .take_while(|d| d * d <= n)
                .all(|d| !n.is_multiple_of(d))
        })
        .count() as u64
}

/// The size of one CPU-bound task.
pub const CPU_TASK: u64 = 50_000;

/// `Pool(2).map` of 8 CPU-bound tasks (`n` is ignored).
pub fn pool_map_cpu(_n: u64) -> Duration {
    time(|| {
        let out = Pool::new(2)
            .expect("start the pool")
            .map(count_primes, vec![CPU_TASK; 8])
            .expect("map");
        assert!(out.iter().all(|&c| c == 5_133));
    })
}

/// rayon over the same 8 CPU-bound tasks.
pub fn rayon_map_cpu(_n: u64) -> Duration {
    time(|| {
        let out: Vec<u64> = vec![CPU_TASK; 8]
            .into_par_iter()
            .map(count_primes)
            .collect();
        assert!(out.iter().all(|&c| c == 5_133));
    })
}

/// 4 CPU-bound tasks on one thread (`n` is ignored).
pub fn cpu_one_thread(_n: u64) -> Duration {
    time(|| (0..4).for_each(|_| assert_eq!(count_primes(CPU_TASK), 5_133)))
}

/// The same 4 tasks on two threads, two each.
pub fn cpu_two_threads(_n: u64) -> Duration {
    time(|| {
        let threads: Vec<_> = (0..2)
            .map(|_| {
                thread::spawn(|| (0..2).for_each(|_| assert_eq!(count_primes(CPU_TASK), 5_133)))
            })
            .collect();
        threads.into_iter().for_each(|t| t.join().expect("join"));
    })
}
