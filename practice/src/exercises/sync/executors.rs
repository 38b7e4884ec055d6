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
    added_under_the_lock(&found, "add_one")?;
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
    main_slept_for_results(run, 30)?;
    ended_with_its_workers(run)
}

/// Main slept while it waited for the results, at most `most` times: a channel's `recv`
/// (Python's `as_completed`) sleeps about once a result; looking at each handle's
/// `is_finished()` every 10 ms wakes main a hundred times a second.
fn main_slept_for_results(run: &Seen, most: u64) -> Result<(), Problem> {
    main_slept(run, most, AS_COMPLETED)
}

const AS_COMPLETED: [&str; 2] = [
    "결과가 오기를 잠든 채 기다리세요(채널의 recv로, 파이썬의 as_completed처럼).",
    "Wait asleep for the results to come (a channel's recv, as Python's as_completed does).",
];

/// The checker's tasks: `xs` 3, 6, 9, ...; the one at the place `args[1]` takes 2.5 to 3.5 s, the others
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
    // The slow task takes 2.5 to 3.5 s (drawn in the check): a main asleep in `recv` wakes about
    // twice a task; one that looks every 150 ms wakes some twenty times meanwhile.
    main_slept_for_results(run, MOST_SLEEPS_OF_A_WAITER + 2 * n[0] as u64)?;
    // Once the quick tasks are taken, nothing happens until the slow one ends: a main asleep in
    // `recv` stays asleep, one that looks every 500 ms wakes.
    slept_through_the_quiet(run, |thread| thread == "main", AS_COMPLETED)?;
    let slow = xs[n[1] as usize];
    let slow_done = line(run, &format!("work {slow} finished")).unwrap_or(0);
    for (x, y) in &pairs {
        let text = format!("as_completed: {x} -> {y}");
        if *x != slow && line(run, &text) > Some(slow_done) {
            return Err(Problem::new(
                format!(
                    "{} 2.5~3.5초 걸리는 {slow}번 일이 끝난 뒤에야 찍혔습니다. {x}번 일은 곧바로 끝났습니다. 끝난 결과는 앞의 느린 일을 기다리지 말고 끝나는 대로 받으세요(as_completed).",
                    with(&format!("'{text}'"), Josa::IGa)
                ),
                format!(
                    "'{text}' came only after the slow task {slow} (2.5 to 3.5 s) finished, though task {x} was done at once: take each result as it completes (as_completed), not behind a slow one in front."
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
    waited_together(run, 5, "wait")?;
    // The program ends soon after its last wait: measured in the run as it is, from main's own
    // last word (its `process_exit`).
    let exit = (run.events_of_kind(Kind::ProcessExit).into_iter())
        .filter(|e| e.pid == run.pid)
        .map(|e| e.t_ns)
        .max();
    match exit {
        Some(exit) if run.as_it_is => gathered_then_returned(run, 5, "wait", exit),
        _ => Ok(()),
    }
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
    let tasks = numbers(args)[0] as usize;
    for i in 0..tasks {
        let done = format!("task {i} done");
        if line(run, &format!("task {i} starts")).is_some() && line(run, &done).is_none() {
            return Err(Problem::new(
                format!(
                    "검사기의 기다림 'task {i}'가 끝나기 전에 `gather_waits`가 돌아왔습니다('{done}'이 찍히지 않음). 정해진 시간만큼 자는 것은 모으는 것이 아닙니다(검사기의 기다림은 길이를 스스로 뽑습니다). 모든 기다림을 함께 await하세요(asyncio.gather처럼)."
                ),
                format!(
                    "`gather_waits` returned before the checker's wait 'task {i}' ended ('{done}' was never printed). Sleeping a fixed time is not gathering (the checker's waits draw their own lengths): await them all together (as asyncio.gather does)."
                ),
            )
            .missing());
        }
    }
    waited_together(run, tasks, "task")?;
    let returned = printed_by(run, "gather_waits returned")?.t_ns;
    gathered_then_returned(run, tasks, "task", returned)?;
    // The runtime's one thread sleeps until the next timer: about twice a wait (6 to 13 sleeps
    // for 3 and 6 waits alone; 31 for 8 in a check, the lines' jitter included); one that looks
    // at the handles every 50 ms wakes about 40 times a second. A look every 100 ms or more
    // slips through.
    let gather = [
        "기다림을 모두 함께 await하세요(asyncio.gather처럼: join_all이나 JoinSet). 짧게 자며 핸들이 끝났는지 보지 말고.",
        "Await the waits all together (as asyncio.gather does: join_all or a JoinSet), not a short sleep and a look at the handles, over and over.",
    ];
    main_slept_at_most(run, MOST_SLEEPS_OF_A_WAITER + 3 * tasks as u64, 10, gather)?;
    // Watched by a thread of the checker's: between two of the checker's timers (the first one
    // at least 0.85 s after the start), the runtime's thread has nothing to wake for. Tokio
    // wakes it up to 64 ms before each timer (its wheel), and a loaded machine prints the line
    // after the timer late: 250 ms around each line are not judged (seen: a right program woke
    // in a spell once in 20 checks with the usual 100).
    slept_through_the_quiet_within(run, |thread| thread == "main", 250_000_000, gather)
}

/// `gather_waits` returned (at `returned`) soon after the last of the waits ("<who> i done")
/// ended: it waited for them, rather than sleeping a fixed time, which is either too short (a
/// "done" never printed) or longer than this margin. The checker's waits draw their own times.
fn gathered_then_returned(
    run: &Seen,
    tasks: usize,
    who: &str,
    returned: u64,
) -> Result<(), Problem> {
    let mut last_done = 0;
    for i in 0..tasks {
        last_done = last_done.max(printed_by(run, &format!("{who} {i} done"))?.t_ns);
    }
    let after = returned.saturating_sub(last_done);
    if after > JOIN_MARGIN_NS {
        let secs = format!("{:.1}", after as f64 / 1e9);
        return Err(Problem::new(
            format!(
                "마지막 기다림이 끝나고도 `gather_waits`가 {secs}초 더 있다가 돌아왔습니다. 정해진 시간만큼 자는 것은 모으는 것이 아닙니다(검사기의 기다림은 길이를 스스로 뽑으므로 모자라거나 남습니다). 모든 기다림을 함께 await하세요(asyncio.gather처럼)."
            ),
            format!(
                "`gather_waits` returned {secs} s after the last wait ended. Sleeping a fixed time is not gathering (the checker's waits draw their own lengths, so it is too short or too long): await them all together (as asyncio.gather does)."
            ),
        ));
    }
    Ok(())
}
