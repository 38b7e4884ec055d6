//! 공유 상태 너머 — `asyncio.gather` of waits, on tokio (the `io-bound` lesson on one thread).
//!
//! Run: `cargo run -p asyncio-tokio`
//! Notice: five waits of 1 s take about 1 s on ONE thread: each `sleep(..).await` hands the
//! thread back to the runtime, as `await asyncio.sleep(1)` does. Then 10,000 waits as tasks and
//! as threads, each in a child process of its own so that its memory is its own: the time and the
//! peak memory each added are printed as measured.

use common::process::Process;
use common::say;
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

/// Runs `work` in a child process; its time in seconds and the peak memory it added, in MiB.
fn measured(name: &str, work: fn()) -> (f64, f64) {
    let (send, measure) = ipc_channel::ipc::channel::<(f64, f64)>().expect("a channel");
    let mut child = Process::new(move || {
        let before = status_kib("VmRSS:");
        let started = Instant::now();
        work();
        let added = status_kib("VmHWM:").saturating_sub(before) as f64 / 1024.0;
        send.send((started.elapsed().as_secs_f64(), added))
            .expect("send the measure");
    })
    .name(name);
    child.start().expect("start the measuring process");
    let result = common::ipc::recv_from(&measure, &mut child).expect("the measure");
    child.join();
    result
}

fn main() {
    let started = Instant::now();
    gather_sleeps(5);
    let secs = started.elapsed().as_secs_f64();
    say!("5 waits of 1 s on one thread: {secs:.2} s");

    // The runtime above started no thread, so the process can still fork.
    let tasks: fn() = || gather_sleeps(10_000);
    let threads: fn() = || sleeping_threads(10_000);
    for (what, work) in [("waiting tasks", tasks), ("waiting threads", threads)] {
        let (secs, mib) = measured(what, work);
        say!("10000 {what}: {secs:.2} s, peak memory +{mib:.1} MiB");
    }
}
