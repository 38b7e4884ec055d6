//! The kept Pool's exercises: apply_async with a time limit, imap as results come, a task that
//! panics.

use super::*;

/// Whether a pool worker process ran.
fn pool_ran(run: &Run) -> Result<(), Problem> {
    let started = run.events_of_kind(Kind::ProcessStart);
    if !started
        .iter()
        .any(|e| e.process.starts_with("ForkPoolWorker-"))
    {
        return Err(Problem::new(
            "풀의 작업 프로세스가 돌지 않았습니다. 일을 풀에 주세요(`apply_async`).",
            "no pool worker process ran: give the tasks to the pool (`apply_async`).",
        ));
    }
    Ok(())
}

/// The checker's `work` on `x` said where it ran: in a pool worker.
fn ran_in_a_worker(run: &Run, x: u64) -> Result<(), Problem> {
    let said = format!("work {x} in ");
    let Some(event) = run
        .events_of_kind(Kind::Say)
        .into_iter()
        .find(|e| e.msg.starts_with(&said))
    else {
        return Err(never_printed(&format!("{said}...")));
    };
    if !event.process.starts_with("ForkPoolWorker-") {
        return Err(Problem::new(
            format!(
                "검사기의 {x}번 일이 풀의 작업 프로세스가 아니라 '{}'에서 돌았습니다. 일을 풀에 주세요.",
                event.process
            ),
            format!(
                "the checker's task {x} ran in '{}', not in a pool worker: give it to the pool.",
                event.process
            ),
        ));
    }
    Ok(())
}

/// "task x: y" for each quick task and "task x: timed out" for the stuck one, printed by main.
fn in_time(run: &Run, done: &[(u64, u64)], stuck: u64) -> Result<(), Problem> {
    for (x, y) in done {
        once_by(run, &format!("task {x}: {y}"), "main")?;
    }
    let timed_out = format!("task {stuck}: timed out");
    if line(run, &timed_out).is_none() {
        return Err(expected(run, &timed_out));
    }
    once_by(run, &timed_out, "main")?;
    Ok(())
}

fn results_in_time(run: &Run) -> Result<(), Problem> {
    in_time(run, &[(1, 1), (2, 4), (4, 16), (5, 25)], 3)?;
    pool_ran(run)
}

fn collect_in_time_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let xs: Vec<u64> = (1..=n[0] as u64).map(|i| i * 2).collect();
    let stuck = xs[n[1] as usize];
    let done: Vec<(u64, u64)> = xs
        .iter()
        .filter(|&&x| x != stuck)
        .map(|&x| (x, x * 10 + 1))
        .collect();
    in_time(run, &done, stuck)?;
    for (x, _) in &done {
        ran_in_a_worker(run, *x)?;
    }
    Ok(())
}

/// The check of each exercise of this part, and the checker's call of its function if it has
/// one.
pub(super) fn mechanism(package: &str) -> Option<(Check, Option<Probe>)> {
    Some(match package {
        "results-in-time" => (
            results_in_time,
            Some(Probe {
                bin: "check-22",
                signature: "pub fn collect_in_time(work: fn(u64) -> u64, xs: &[u64], timeout_ms: u64)",
                // Tasks, the place of the stuck one, the time limit in milliseconds.
                args: &[(3, 6), (0, 2), (300, 600)],
                check: collect_in_time_call,
                late_starts: true,
            }),
        ),
        _ => return None,
    })
}
