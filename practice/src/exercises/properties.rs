//! The properties a lesson is, read from what the trace knows rather than from the lines that
//! happened to print: the workers ran at the same time; a child was a daemon and nobody killed it
//! by hand. How a waiter slept, not polling nor spinning: `waits.rs`.

use super::{Problem, Seen};
use harness::{Event, Kind};

/// The most of the threads `is_worker` picks (by name, in any process of the run) that were
/// alive at one moment: each lives from its first event to its `thread_end` (or its process's
/// last event, for one cut off by its process's end).
pub(super) fn most_threads_at_once(run: &Seen, is_worker: impl Fn(&str) -> bool) -> usize {
    let mut lives: Vec<(u64, u64)> = Vec::new();
    let mut seen: Vec<(u32, &str)> = Vec::new();
    for event in &run.events {
        let key = (event.pid, event.thread.as_str());
        if !is_worker(&event.thread) || seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let of_it = || (run.events.iter()).filter(move |e| e.pid == key.0 && e.thread == key.1);
        let end = of_it()
            .find(|e| e.kind == Kind::ThreadEnd)
            .or_else(|| of_it().next_back())
            .map_or(event.t_ns, |e| e.t_ns);
        lives.push((event.t_ns, end));
    }
    most_at_once(&lives)
}

/// The most of these spans (start, end) that hold one moment in common.
fn most_at_once(spans: &[(u64, u64)]) -> usize {
    spans
        .iter()
        .map(|&(at, _)| {
            (spans.iter())
                .filter(|&&(start, end)| start <= at && at < end)
                .count()
        })
        .max()
        .unwrap_or(0)
}

/// At least two of the workers were alive at one moment: the lesson's threads ran side by side,
/// not one after another (Python's `t.start(); t.join()` inside one loop).
pub(super) fn workers_overlapped(
    run: &Seen,
    is_worker: impl Fn(&str) -> bool,
    [who_ko, who_en]: [&str; 2],
) -> Result<(), Problem> {
    if most_threads_at_once(run, is_worker) >= 2 {
        return Ok(());
    }
    Err(Problem::new(
        format!(
            "{who_ko}가 한 번도 동시에 돌지 않았습니다. 하나가 끝난 뒤에야 다음 것이 시작됐습니다. 한 반복 안에서 시작하고 바로 join하면(파이썬의 `t.start(); t.join()`) 차례로 하나씩 돕니다. 먼저 모두 시작해 두고, 그다음에 join하세요."
        ),
        format!(
            "the {who_en} never ran at the same time: each started only after the one before had ended. Starting and joining in the same loop (Python's `t.start(); t.join()`) runs them one by one: start them all first, then join."
        ),
    ))
}

/// The child named `name` was started as a daemon, and no thread sent it a signal by hand (its
/// parent's `child_started` and `signal` events): what ends it is its parent's end.
pub(super) fn daemon_ended_by_the_exit(run: &Seen, name: &str) -> Result<(), Problem> {
    let started: Vec<&Event> = (run.events_of_kind(Kind::ChildStarted).into_iter())
        .filter(|e| e.msg == format!("started '{name}'"))
        .collect();
    if started.iter().any(|e| e.daemon != Some(true)) {
        return Err(Problem::new(
            format!(
                "'{name}'를 데몬으로 시작하지 않았습니다(`.daemon(true)` 없이 start). 데몬이 아닌 자식은 main이 끝날 때 기다려야 하는 자식입니다. start하기 전에 `.daemon(true)`로 만드세요."
            ),
            format!(
                "'{name}' was not started as a daemon (no `.daemon(true)` before `start`): a child that is not a daemon is one main must wait for. Make it one with `.daemon(true)` before starting it."
            ),
        ));
    }
    let by_hand = (run.events_of_kind(Kind::Signal).into_iter())
        .find(|e| e.msg.ends_with(&format!(" to '{name}'")));
    if let Some(signal) = by_hand {
        let how = signal.msg.split(' ').next().unwrap_or("a signal");
        let call = if how == "SIGKILL" {
            "kill"
        } else {
            "terminate"
        };
        return Err(Problem::new(
            format!(
                "main의 '{}' 스레드가 '{name}'에게 직접 {how}를 보냈습니다(`{call}()`). 데몬은 main이 끝날 때 함께 끝납니다. 직접 죽이지 마세요(파이썬에서 끝에 `p.terminate()`를 부르던 습관).",
                signal.thread
            ),
            format!(
                "thread '{}' of main sent '{name}' {how} itself (`{call}()`). A daemon ends with main's end: do not kill it by hand (Python's habit of a `p.terminate()` at the end).",
                signal.thread
            ),
        ));
    }
    Ok(())
}

/// The most processes whose name starts with `prefix` that were alive at one moment: each from
/// its first event to its `process_exit` (or the run's last event).
pub(super) fn most_processes_at_once(run: &Seen, prefix: &str) -> usize {
    let last = run.events.iter().map(|e| e.t_ns).max().unwrap_or(0);
    let mut pids: Vec<u32> = (run.events.iter())
        .filter(|e| e.process.starts_with(prefix))
        .map(|e| e.pid)
        .collect();
    pids.sort_unstable();
    pids.dedup();
    let spans: Vec<(u64, u64)> = (pids.iter())
        .map(|&pid| {
            let of_it = || run.events.iter().filter(move |e| e.pid == pid);
            let born = of_it().map(|e| e.t_ns).min().unwrap_or(0);
            let died = of_it()
                .find(|e| e.kind == Kind::ProcessExit)
                .map_or(last, |e| e.t_ns);
            (born, died)
        })
        .collect();
    most_at_once(&spans)
}

/// At least two of the child processes named `prefix...` were alive at one moment: in a run
/// where one starts late on purpose, children started side by side are alive together, and
/// children started and joined one by one (Python's `p.start(); p.join()` in one loop) are not.
pub(super) fn processes_overlapped(run: &Seen, prefix: &str) -> Result<(), Problem> {
    // Only where the rest start late, each 0.3 s after its own start: two children started side
    // by side are then alive together whatever else runs. Where the first is late, the first
    // process started is the manager (21), not a child: the children, quick, overlapped only by
    // luck, and 21's solution failed 2 checks of 20 with both cores busy (seen).
    if !run.late || run.late_first || most_processes_at_once(run, prefix) >= 2 {
        return Ok(());
    }
    Err(Problem::new(
        "자식 프로세스들이 한 번도 동시에 돌지 않았습니다. 검사기가 자식 하나를 늦게 시작시킨 동안 다른 자식은 시작하지 않았습니다. 한 반복 안에서 start와 join을 하면(파이썬의 `p.start(); p.join()`) 하나씩 차례로 돕니다. 모두 시작한 뒤에 join하세요.",
        "the child processes never ran at the same time: while the checker held one child back, no other child started. Starting and joining in one loop (Python's `p.start(); p.join()`) runs them one by one: start them all, then join.",
    ))
}

/// The most of the checker's tasks that ran at one moment, each from its "task x starts" line to
/// its "task x ends" line (both printed by the task, wherever it ran).
pub(super) fn most_tasks_at_once(run: &Seen) -> usize {
    let says = run.events_of_kind(Kind::Say);
    let spans: Vec<(u64, u64)> = (says.iter())
        .filter_map(|start| {
            let task = start.msg.strip_prefix("task ")?.strip_suffix(" starts")?;
            let ends = format!("task {task} ends");
            let end = says.iter().find(|e| e.msg == ends && e.pid == start.pid)?;
            Some((start.t_ns, end.t_ns))
        })
        .collect();
    most_at_once(&spans)
}

/// At least two of the checker's tasks ran at the same time in the pool: its workers took them
/// side by side, not one after another (`apply` in a loop, a pool call per item). The task that
/// starts first waits up to 5 s for another to start (`exercises/checks/meet.rs`), so that workers
/// that come up late (spawned one by one, or held back by a plan's straggler) still meet it.
pub(super) fn tasks_overlapped(
    run: &Seen,
    [taught_ko, taught_en]: [&str; 2],
) -> Result<(), Problem> {
    if most_tasks_at_once(run) >= 2 {
        return Ok(());
    }
    Err(Problem::new(
        format!(
            "검사기의 일이 한 번도 동시에 돌지 않았습니다. 풀에 일을 하나씩 맡기고 끝나기를 기다렸다가 다음 것을 맡기면(반복문 안의 apply) 작업 프로세스가 여럿이어도 차례로 하나씩 돕니다. {taught_ko}"
        ),
        format!(
            "the checker's tasks never ran at the same time. Handing the pool one task and waiting for it before the next (apply in a loop) runs them one by one, however many workers there are: {taught_en}"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::most_at_once;

    #[test]
    fn spans_one_after_another_are_one_at_a_time() {
        assert_eq!(most_at_once(&[(0, 10), (10, 20), (20, 30)]), 1);
        assert_eq!(most_at_once(&[(0, 10), (5, 20), (6, 7)]), 3);
        assert_eq!(most_at_once(&[]), 0);
    }
}
