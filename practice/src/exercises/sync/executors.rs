//! A lock held for the whole addition, and executors: results as they complete, gathered on one thread.

use super::*;

pub(super) const ONE_GUARD_KO: &str = "더한 것을 잃었습니다. 더하기마다 가드 하나를 쥔 채로 읽고 쓰세요(잠금이 바쁘다고 건너뛰지도 마세요).";
pub(super) const ONE_GUARD_EN: &str = "additions were lost: do each addition's read and write while holding one guard (and skip none when the lock is busy).";

pub(super) fn hold_the_lock(run: &Seen) -> Result<(), Problem> {
    let Some(counter) = run.stdout.iter().find_map(|l| l.strip_prefix("counter: ")) else {
        return Err(never_printed("counter: ..."));
    };
    if counter != "2000000" {
        return Err(Problem::new(
            format!("카운터가 2000000이 아니라 {counter}입니다. {ONE_GUARD_KO}"),
            format!("the counter is {counter}, not 2000000: {ONE_GUARD_EN}"),
        ));
    }
    Ok(())
}

pub(super) fn add_under_a_lock_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let found = found(run, args)?;
    added_by_threads(&found, [n[0], n[1]], "add_one")?;
    added_up(
        added_total(&found)?,
        [n[0], n[1]],
        "add_one",
        [ONE_GUARD_KO, ONE_GUARD_EN],
    )
}

/// Each "as_completed: x -> y" once, printed by main (the caller, as Python's `as_completed`
/// loop is).
pub(super) fn completed(run: &Run, pairs: &[(u64, u64)]) -> Result<(), Problem> {
    for (x, y) in pairs {
        once_by(run, &format!("as_completed: {x} -> {y}"), "main")?;
    }
    Ok(())
}

pub(super) fn as_completed(run: &Seen) -> Result<(), Problem> {
    completed(run, &[(1, 1), (2, 4), (3, 9), (4, 16)])?;
    let map = "map: [1, 4, 9, 16]";
    line(run, map).ok_or_else(|| expected(run, map))?;
    ended_with_its_workers(run)
}

/// The checker's tasks: `xs` 3, 6, 9, ...; the one at the place `args[1]` takes 1.5 s, the others
/// are done at once. Every other result is printed before the slow task finished.
pub(super) fn submit_all_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let xs: Vec<u64> = (1..=n[0] as u64).map(|i| i * 3).collect();
    let pairs: Vec<(u64, u64)> = xs.iter().map(|&x| (x, x * 10 + 1)).collect();
    completed(run, &pairs)?;
    let ys: Vec<i64> = pairs.iter().map(|&(_, y)| y as i64).collect();
    let in_order = [
        "입력의 순서대로 돌려주세요.",
        "return them in the inputs' order.",
    ];
    returned(run, args, &ys, in_order)?;
    for x in &xs {
        let finished = format!("work {x} finished");
        if printed_by(run, &finished)?.thread == "main" {
            return Err(Problem::new(
                format!(
                    "검사기의 {x}번 일을 main 스레드가 했습니다. 일마다 스레드 하나에서 돌리세요(executor.submit)."
                ),
                format!(
                    "the checker's task {x} ran on the main thread: run each task on a thread of its own (executor.submit)."
                ),
            ));
        }
    }
    let slow = xs[n[1] as usize];
    let slow_done = line(run, &format!("work {slow} finished")).unwrap_or(0);
    for (x, y) in &pairs {
        let text = format!("as_completed: {x} -> {y}");
        if *x != slow && line(run, &text) > Some(slow_done) {
            return Err(Problem::new(
                format!(
                    "{} 1.5초 걸리는 {slow}번 일이 끝난 뒤에야 찍혔습니다. {x}번 일은 곧바로 끝났습니다. 끝난 결과는 앞의 느린 일을 기다리지 말고 끝나는 대로 받으세요(as_completed).",
                    with(&format!("'{text}'"), Josa::IGa)
                ),
                format!(
                    "'{text}' came only after the slow task {slow} (1.5 s) finished, though task {x} was done at once: take each result as it completes (as_completed), not behind a slow one in front."
                ),
            ));
        }
    }
    Ok(())
}

/// Each "<who> i starts" and "<who> i done" once, on the main thread; every wait starts before
/// any is done (they wait together).
pub(super) fn waited_together(run: &Run, n: usize, who: &str) -> Result<(), Problem> {
    let mut last_start = (0, String::new());
    let mut first_done: Option<(usize, String)> = None;
    for i in 0..n {
        let starts = format!("{who} {i} starts");
        let done = format!("{who} {i} done");
        let at = once_by(run, &starts, "main")?;
        if at >= last_start.0 {
            last_start = (at, starts);
        }
        let at = once_by(run, &done, "main")?;
        if first_done.as_ref().is_none_or(|(first, _)| at < *first) {
            first_done = Some((at, done));
        }
    }
    if let Some((at, done)) = first_done
        && at < last_start.0
    {
        let starts = last_start.1;
        return Err(Problem::new(
            format!(
                "{} '{starts}'보다 먼저 찍혔습니다. 기다림이 하나씩 차례로 돌았습니다. task로 함께 기다리게 하세요(asyncio.gather).",
                with(&format!("'{done}'"), Josa::IGa)
            ),
            format!(
                "'{done}' came before '{starts}': the waits ran one after another. Let them wait together, as tasks (asyncio.gather)."
            ),
        ));
    }
    Ok(())
}

pub(super) fn gather_on_one_thread(run: &Seen) -> Result<(), Problem> {
    waited_together(run, 5, "wait")
}

/// The checker's own waits ("task i ..."), printed only if `gather_waits` polled them.
pub(super) fn gather_waits_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    if line(run, "task 0 starts").is_none() {
        return Err(Problem::new(
            "검사기가 넘긴 기다림('task i ...')이 하나도 돌지 않았습니다. `gather_waits`는 받은 `wait(i)`를 await해야 합니다(기대한 줄을 직접 찍지 말고).",
            "the checker's waits ('task i ...') never ran: `gather_waits` must await the `wait(i)` it is given (not print the expected lines itself).",
        )
        .missing());
    }
    waited_together(run, numbers(args)[0] as usize, "task")
}
