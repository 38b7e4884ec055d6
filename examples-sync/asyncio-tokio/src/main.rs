//! 공유 상태 너머 — `asyncio.gather` of waits, on tokio (the `io-bound` lesson on one thread).
//!
//! 실행 / Run: `cargo run -p asyncio-tokio`
//! 눈여겨볼 점: 1초 기다리기 다섯 번이 스레드 하나에서 1초쯤 걸립니다. `sleep(..).await`마다 스레드를
//! 런타임에 돌려주기 때문이고, `await asyncio.sleep(1)`도 그렇게 합니다. 그다음 기다리기 10,000번을
//! task로, 그리고 스레드로 해 봅니다. 메모리를 따로 재도록 각각 자기만의 자식 프로세스에서 돌립니다.
//! 걸린 시간과 늘어난 최대 메모리를 잰 그대로 출력합니다.
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

/// 노트의 1초를 `TUTORIAL_TIME_SCALE`로 늘이거나 줄인 값.
/// One second of the notes, scaled by `TUTORIAL_TIME_SCALE`.
fn one_second() -> Duration {
    Duration::from_secs_f64(common::time_scale())
}

/// 파이썬의 `asyncio.run(asyncio.gather(*(asyncio.sleep(1) for _ in range(n))))`: 스레드 하나, task `n`개.
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

/// 같은 기다리기를 스레드 `n`개에서.
/// The same waits on `n` threads.
fn sleeping_threads(n: usize) {
    let threads: Vec<_> = (0..n)
        .map(|_| thread::spawn(|| thread::sleep(one_second())))
        .collect();
    for t in threads {
        t.join().expect("a waiting thread");
    }
}

/// `/proc/self/status`의 `kB` 항목 하나(`VmRSS`는 지금 값, `VmHWM`은 지금까지의 최댓값).
/// A `kB` field of `/proc/self/status` (`VmRSS`, now; `VmHWM`, the peak so far).
fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("read /proc/self/status");
    status
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        .expect("a kB field")
}

/// 1초 기다리기 10,000번: 스레드 하나의 task로, 또는 스레드로.
/// 10,000 waits of one second, as tasks on one thread or as threads.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
enum Waits {
    Tasks,
    Threads,
}

/// 자식 프로세스에서: 기다리기를 돌리고, 걸린 초와 그 때문에 늘어난 최대 메모리(MiB)를 보냅니다.
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

/// 이름이 `name`인 자식 프로세스에서 `waits`를 돌리고, 잰 값을 돌려줍니다.
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
    common::init(); // 파이썬의 if __name__ == '__main__':
    let started = Instant::now();
    gather_sleeps(5);
    let secs = started.elapsed().as_secs_f64();
    say!("5 waits of 1 s on one thread: {secs:.2} s");

    // 위의 런타임은 스레드를 하나도 시작하지 않았으므로, 프로세스는 아직 포크할 수 있습니다.
    // The runtime above started no thread, so the process can still fork.
    for (what, waits) in [
        ("waiting tasks", Waits::Tasks),
        ("waiting threads", Waits::Threads),
    ] {
        let (secs, mib) = measured(what, waits);
        say!("10000 {what}: {secs:.2} s, peak memory +{mib:.1} MiB");
    }
}
