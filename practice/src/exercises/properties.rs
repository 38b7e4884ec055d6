//! The properties a lesson is, read from what the trace knows rather than from the lines that
//! happened to print: the workers ran at the same time; a child was a daemon and nobody killed it
//! by hand; a waiter slept instead of polling or spinning.

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
