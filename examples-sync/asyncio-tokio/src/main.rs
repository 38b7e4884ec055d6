//! 공유 상태 너머 — `asyncio.gather` of waits, on tokio (the `io-bound` lesson on one thread).
//!
//! Run: `cargo run -p asyncio-tokio`
//! Notice: five waits of 1 s take about 1 s on ONE thread: each `sleep(..).await` hands the
//! thread back to the runtime, as `await asyncio.sleep(1)` does. Then 10,000 waits as tasks and
//! as threads, each in a child process of its own so that its memory is its own: the time and the
//! peak memory each added are printed as measured.

use common::process::Process;
use common::say;
use ipc_channel::ipc::IpcSender;
use serde::{Deserialize, Serialize};
use std::thread;
use std::time::{Duration, Instant};

/// One second of the notes, scaled by `TUTORIAL_TIME_SCALE`.
fn one_second() -> Duration {
    Duration::from_secs_f64(common::time_scale())
}

/// `asyncio.run(asyncio.gather(*(asyncio.sleep(1) for _ in range(n))))`: one thread, `n` tasks.
fn gather_sleeps(n: usize) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("start a tokio runtime");
    runtime.block_on(async {
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..n {
            tasks.spawn(tokio::time::sleep(one_second()));
        }
        while tasks.join_next().await.is_some() {}
    });
}

/// The same waits on `n` threads.
fn sleeping_threads(n: usize) {
    let threads: Vec<_> = (0..n)
        .map(|_| thread::spawn(|| thread::sleep(one_second())))
        .collect();
    for t in threads {
        t.join().expect("a waiting thread");
    }
}

/// A `kB` field of `/proc/self/status` (`VmRSS`, now; `VmHWM`, the peak so far).
fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("read /proc/self/status");
    status
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        .expect("a kB field")
}

/// 10,000 waits of one second, as tasks on one thread or as threads.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
enum Waits {
    Tasks,
    Threads,
}

/// In a child process: runs the waits and sends their time in seconds and the peak memory they
/// added, in MiB.
fn measure(waits: Waits, send: IpcSender<(f64, f64)>) {
    let before = status_kib("VmRSS:");
    let started = Instant::now();
    match waits {
        Waits::Tasks => gather_sleeps(10_000),
        Waits::Threads => sleeping_threads(10_000),
    }
    let added = status_kib("VmHWM:").saturating_sub(before) as f64 / 1024.0;
    send.send((started.elapsed().as_secs_f64(), added))
        .expect("send the measure");
}

/// Runs `waits` in a child process named `name`; what it measured.
fn measured(name: &str, waits: Waits) -> (f64, f64) {
    let (send, measure_rx) = ipc_channel::ipc::channel::<(f64, f64)>().expect("a channel");
    let mut child = Process::target(measure, (waits, send)).name(name);
    child.start().expect("start the measuring process");
    let result = common::ipc::recv_from(&measure_rx, &mut child).expect("the measure");
    child.join();
    result
}

fn main() {
    common::init(); // if __name__ == '__main__':
    let started = Instant::now();
    gather_sleeps(5);
    let secs = started.elapsed().as_secs_f64();
    say!("5 waits of 1 s on one thread: {secs:.2} s");

    // The runtime above started no thread, so the process can still fork.
    for (what, waits) in [
        ("waiting tasks", Waits::Tasks),
        ("waiting threads", Waits::Threads),
    ] {
        let (secs, mib) = measured(what, waits);
        say!("10000 {what}: {secs:.2} s, peak memory +{mib:.1} MiB");
    }
}
