//! What every program is checked for, whichever exercise: one thread per name, `main` ending
//! with its workers (not after a fixed sleep), nothing left running.

use super::{Problem, Seen};
use harness::{Kind, Run};

/// How long `main` may go on after its last worker's own last event. Waiting by `join` ends it
/// within milliseconds (even with both cores busy); a fixed sleep long enough for the second
/// plan's late worker (1.1 s) outlasts the first plan's workers by more than this, so no fixed
/// sleep passes both.
pub(super) const JOIN_MARGIN_NS: u64 = 800_000_000;

/// The name of the fork server's process in the trace (`common::process`'s forkserver method).
const FORK_SERVER: &str = "ForkServer";

/// `main` ended soon after its last worker (a thread of its own or a child process) did: it
/// waited for them, rather than sleeping a fixed time. Measured in the run as it is.
pub(super) fn ended_with_its_workers(run: &Seen) -> Result<(), Problem> {
    if !run.as_it_is {
        return Ok(());
    }
    // The fork server (forkserver's start method) is no worker: main's exit ends it.
    let last = run
        .events
        .iter()
        .filter(|e| e.pid != run.pid || e.thread != "main")
        .filter(|e| e.process != FORK_SERVER)
        .map(|e| e.t_ns)
        .max();
    let Some(last) = last else {
        return Ok(());
    };
    // The main process's own last word (its `process_exit`, written as the last step of its
    // exit), else the moment the checker saw it end: a loaded machine can be slow to tell the
    // checker, and that delay is not the program's.
    let ended = run
        .events_of_kind(Kind::ProcessExit)
        .into_iter()
        .filter(|e| e.pid == run.pid)
        .map(|e| e.t_ns)
        .max()
        .unwrap_or(run.ended_ns);
    let after = ended.saturating_sub(last);
    if after > JOIN_MARGIN_NS {
        let secs = format!("{:.1}", after as f64 / 1e9);
        return Err(Problem::new(
            format!(
                "마지막 작업자가 끝나고도 main이 {secs}초 더 있다가 끝났습니다. 정해진 시간만큼 자는 것은 기다리는 것이 아닙니다(작업자가 늦으면 모자라고, 빠르면 남습니다). join으로 기다리세요."
            ),
            format!(
                "main went on for {secs} s after its last worker ended. Sleeping a fixed time is not waiting (too short when a worker is late, too long when it is quick): wait with join."
            ),
        ));
    }
    Ok(())
}

/// Each thread name names one thread in its process: the checks judge a line by the name of the
/// thread that printed it, so a fresh thread of the same name for each line or each phase (the
/// workers started and joined again, in place of keeping them) would pass them. The trace writes
/// a `thread_start` at a thread's first line: two of one name in one process are two threads.
pub fn one_thread_per_name(run: &Seen) -> Result<(), Problem> {
    let mut seen: Vec<(u32, &str)> = Vec::new();
    for start in run.events_of_kind(Kind::ThreadStart) {
        let thread = (start.pid, start.thread.as_str());
        if !seen.contains(&thread) {
            seen.push(thread);
            continue;
        }
        let name = &start.thread;
        return Err(Problem::new(
            format!(
                "'{name}'라는 이름의 스레드가 여럿 있었습니다. 이름이 같아도 다른 스레드입니다. 줄마다, 단계마다 새 스레드를 만들지 말고 한 스레드가 처음부터 끝까지 일하게 하세요."
            ),
            format!(
                "there were several threads named '{name}': the same name is not the same thread. Do not start a new thread for each line or phase; let one thread do its work from start to end."
            ),
        ));
    }
    Ok(())
}

/// Every process named like a pool's worker (`ForkPoolWorker-k`) was started by a pool: its
/// parent is a pool's `ForkServer`. Processes started by hand and named so pass no pool's check.
pub fn pool_workers_are_a_pools(run: &Seen) -> Result<(), Problem> {
    let started = run.events_of_kind(Kind::ProcessStart);
    let servers: Vec<u32> = (started.iter())
        .filter(|e| e.process == "ForkServer")
        .map(|e| e.pid)
        .collect();
    let by_hand = (started.iter())
        .find(|e| e.process.starts_with("ForkPoolWorker-") && !servers.contains(&e.ppid));
    let Some(worker) = by_hand else {
        return Ok(());
    };
    let name = &worker.process;
    Err(Problem::new(
        format!(
            "'{name}'(프로세스 {}가 직접 시작함)은 풀이 시작한 작업 프로세스가 아닙니다. 이름만 풀의 작업 프로세스처럼 붙인 프로세스는 풀이 아닙니다. 일을 Pool에 주세요.",
            worker.ppid
        ),
        format!(
            "'{name}' is not a pool's worker (process {} started it, not a pool): a process named like a pool's worker is not a pool. Give the tasks to a Pool.",
            worker.ppid
        ),
    ))
}

/// Whether main went on for a while after its last line (a sleep, or waiting for something): the
/// trace has no sleep events, but a main that returns at once ends within a millisecond or two of
/// its last line.
pub(super) fn main_lingered(run: &Run) -> bool {
    let of_main = |kind: Kind| {
        (run.events.iter())
            .filter(|e| e.pid == run.pid && e.kind == kind)
            .map(|e| e.t_ns)
            .max()
    };
    match (of_main(Kind::Say), of_main(Kind::ProcessExit)) {
        (Some(last), Some(exit)) => exit.saturating_sub(last) > 20_000_000,
        _ => false,
    }
}

/// Whether every process the run started is gone (a daemon child is ended at exit).
pub fn nothing_left(run: &Seen) -> Result<(), Problem> {
    for pid in run.pids() {
        if !harness::reap::wait_gone(pid, std::time::Duration::from_secs(1)) {
            return Err(Problem::new(
                format!("main이 끝난 뒤에도 자식 프로세스(pid {pid})가 돌고 있었습니다."),
                format!("a child process (pid {pid}) was still running after main ended."),
            ));
        }
    }
    Ok(())
}
