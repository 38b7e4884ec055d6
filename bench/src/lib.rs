//! The operations the benchmarks time, one function each: `op(n)` does the operation `n` times
//! (or moves `n` messages) and returns how long that took. Setup that is not part of the
//! operation (creating channels, forking the echo child) stays outside the clock where it can.
//!
//! Operations that `fork` need a process with one thread: `bench measure` runs each operation in
//! a fresh process of its own.

mod messages;
mod pool;
mod shared;
mod start;
mod wakeup;

pub use messages::*;
pub use pool::*;
pub use shared::*;
pub use start::*;
pub use wakeup::*;

use std::time::{Duration, Instant};

/// Times `body`.
fn time(body: impl FnOnce()) -> Duration {
    let started = Instant::now();
    body();
    started.elapsed()
}

/// One measured operation: its name, what one unit is, and how many units one sample does.
#[derive(Debug, Clone, Copy)]
pub struct Op {
    /// The name `bench measure` and the Python twin know it by.
    pub name: &'static str,
    /// The operation.
    pub run: fn(u64) -> Duration,
    /// Units per sample.
    pub n: u64,
}

const fn op(name: &'static str, run: fn(u64) -> Duration, n: u64) -> Op {
    Op { name, run, n }
}

/// Every operation, in the order of `docs/bench.md`.
pub const OPS: &[Op] = &[
    op("floor_roundtrip", floor_roundtrip, 20_000),
    op("wake_futex", wake_futex, 20_000),
    op("wake_spin_1us", wake_spin_1us, 20_000),
    op("wake_spin_10us", wake_spin_10us, 20_000),
    op("wake_spin_100us", wake_spin_100us, 20_000),
    op("thread_start_join", thread_start_join, 2_000),
    op("process_start_join", process_start_join, 200),
    op("process_start_join_spawn", process_start_join_spawn, 50),
    op(
        "process_start_join_forkserver",
        process_start_join_forkserver,
        100,
    ),
    op("raw_fork_waitpid", raw_fork_waitpid, 200),
    op("queue_small_ipc", queue_small_ipc, 20_000),
    op("queue_small_crossbeam", queue_small_crossbeam, 200_000),
    op("queue_1mib_ipc", queue_1mib_ipc, 100),
    op("pipe_roundtrip", pipe_roundtrip, 20_000),
    op("raw_socketpair_roundtrip", raw_socketpair_roundtrip, 20_000),
    op("raw_seqpacket_roundtrip", raw_seqpacket_roundtrip, 20_000),
    op("shared_counter", shared_counter, 1_000_000),
    op("raw_atomic", raw_atomic, 1_000_000),
    op("pool_maps_small", pool_maps_small, 200),
    op("pool_maps_big", pool_maps_big, 10),
    op("pool_map_tiny", pool_map_tiny, 100_000),
    op("rayon_map_tiny", rayon_map_tiny, 100_000),
    op("pool_map_cpu", pool_map_cpu, 1),
    op("rayon_map_cpu", rayon_map_cpu, 1),
    op("manager_dict_roundtrip", manager_dict_roundtrip, 10_000),
    op("shm_attach_read_1mib", shm_attach_read_1mib, 200),
    op("cpu_one_thread", cpu_one_thread, 1),
    op("cpu_two_threads", cpu_two_threads, 1),
];
