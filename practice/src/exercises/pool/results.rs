//! Results within a time limit, as they come, and kept when another task panics.

use super::*;

/// Whether a pool worker process ran.
pub(super) fn pool_ran(run: &Seen) -> Result<(), Problem> {
    let started = run.events_of_kind(Kind::ProcessStart);
    if !started
        .iter()
        .any(|e| e.process.starts_with("ForkPoolWorker-"))
    {
        return Err(Problem::new(
            "풀의 작업 프로세스가 돌지 않았습니다. 일을 풀에 주세요.",
            "no pool worker process ran: give the tasks to the pool.",
        ));
    }
    Ok(())
}

/// The checker's `work` on `x` said where it ran: in a pool worker.
pub(super) fn ran_in_a_worker(run: &Run, x: u64) -> Result<(), Problem> {
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
pub(super) fn in_time(run: &Run, done: &[(u64, u64)], stuck: u64) -> Result<(), Problem> {
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

pub(super) fn results_in_time(run: &Seen) -> Result<(), Problem> {
    in_time(run, &[(1, 1), (2, 4), (4, 16), (5, 25)], 3)?;
    pool_ran(run)
}

pub(super) fn collect_in_time_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    // One timed get per result: main sleeps a few times a result. Measured when the pool's wait
    // still looked at its workers every 100 ms: 47 to 70 sleeps in 3.7 to 5.5 s with both cores
    // busy (about 13 a second); that wait now sleeps until a reply, so the solution sleeps less
    // and the allowance is wider than it needs. Short gets again and again (every 10 ms) wake
    // main 65 to 90 times a second with both cores busy; a look every 50 ms or more slips through.
    let timed_get = [
        "결과마다 시간 제한을 준 get 한 번으로 기다리세요(get(timeout)).",
        "wait for each result with one get with a time limit (get(timeout)).",
    ];
    main_slept_at_most(run, 30, 20, timed_get)?;
    // While the stuck task is stuck (its worker watches main) and the others are done, nothing
    // happens: main, asleep in its timed get, stays asleep; a look at ready() every 300 ms wakes.
    slept_through_the_quiet(run, |thread| thread == "main", timed_get)?;
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
    // A quick task before the stuck one is got as soon as it is ready: its line comes the time
    // limit (2.5 s at least) before the stuck one's "timed out". Sleeping the whole limit first
    // and then taking what is ready prints them all together (the second blind review's).
    if let Some(&(first, y)) = done.first().filter(|(x, _)| *x < stuck) {
        let quick = printed_by(run, &format!("task {first}: {y}"))?;
        let late = printed_by(run, &format!("task {stuck}: timed out"))?;
        if late.t_ns.saturating_sub(quick.t_ns) < 1_000_000_000 {
            return Err(Problem::new(
                format!(
                    "'task {first}: {y}'는 금방 끝났는데, 시간 제한이 다 지나서야('task {stuck}: timed out' 바로 앞에) 찍혔습니다. 시간 제한만큼 먼저 자고 나서 된 것을 모으지 말고, 결과마다 get(timeout)으로 기다리세요. 결과가 오면 바로 깨어납니다."
                ),
                format!(
                    "'task {first}: {y}' was quick, but printed only once the time limit had passed (just before 'task {stuck}: timed out'): do not sleep the whole limit and then take what is ready; wait for each result with get(timeout), which wakes as soon as it comes."
                ),
            ));
        }
    }
    Ok(())
}

/// Each "got y" once, printed by main, in the inputs' order.
pub(super) fn came_in_order(run: &Run, ys: &[u64]) -> Result<(), Problem> {
    let mut previous: Option<(usize, String)> = None;
    for y in ys {
        let got = format!("got {y}");
        let at = once_by(run, &got, "main")?;
        if let Some((before, earlier)) = &previous
            && at < *before
        {
            return Err(Problem::new(
                format!(
                    "{} '{earlier}'보다 먼저 찍혔습니다. 결과를 입력 순서대로 찍으세요(imap).",
                    with(&format!("'{got}'"), Josa::IGa)
                ),
                format!(
                    "'{got}' came before '{earlier}': print the results in the inputs' order (imap)."
                ),
            ));
        }
        previous = Some((at, got));
    }
    Ok(())
}

pub(super) fn as_they_come(run: &Seen) -> Result<(), Problem> {
    came_in_order(run, &[1, 4, 9, 16, 25, 36])?;
    pool_ran(run)
}

/// The checker's tasks: `xs` 5, 10, 15, ...; the last takes 1.5 s. The first result is printed
/// before the last task finished.
pub(super) fn print_as_they_come_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let xs: Vec<u64> = (1..=n[0] as u64).map(|i| i * 5).collect();
    let ys: Vec<u64> = xs.iter().map(|x| x * 10 + 1).collect();
    came_in_order(run, &ys)?;
    for x in &xs {
        ran_in_a_worker(run, *x)?;
    }
    // The wait for the slow last result (1.5 s): imap's `next` sleeps until it comes and wakes
    // once or twice (the reply, a line's write); a loop that looks at `ready()` every 100 ms
    // wakes more than ten times.
    if let [.., before_last, last_y] = ys.as_slice() {
        slept_between(
            run,
            &format!("got {before_last}"),
            &format!("got {last_y}"),
            4,
            [
                "결과를 `pool.imap`으로 하나씩 기다리세요. ready()를 되풀이해 보지 마세요.",
                "wait for each result with `pool.imap`, not by looking at ready() again and again.",
            ],
        )?;
    }
    tasks_overlapped(
        run,
        [
            "`pool.imap`에 일을 한꺼번에 넘기고, 결과가 오는 대로 찍으세요.",
            "hand `pool.imap` all the tasks at once, and print each result as it comes.",
        ],
    )?;
    let last = xs[xs.len() - 1];
    let finished = format!("work {last} in ");
    let last_done = run
        .stdout
        .iter()
        .position(|l| l.starts_with(&finished))
        .unwrap_or(0);
    let first = format!("got {}", ys[0]);
    if line(run, &first) > Some(last_done) {
        return Err(Problem::new(
            format!(
                "{} 1.5초 걸리는 마지막 일이 끝난 뒤에야 찍혔습니다. 결과를 모두 기다리지 말고 오는 대로 찍으세요(imap).",
                with(&format!("'{first}'"), Josa::IGa)
            ),
            format!(
                "'{first}' came only after the last task (1.5 s) finished: print each result as it comes (imap), not all at the end."
            ),
        ));
    }
    Ok(())
}

/// "x: y" for each good task and "x: failed (...)" for each bad one, printed by main, in the
/// inputs' order; the panic's own message in its line.
pub(super) fn kept(
    run: &Run,
    good: &[(u64, u64)],
    bad: &[u64],
    panic_says: &str,
) -> Result<(), Problem> {
    let mut lines: Vec<(u64, usize)> = Vec::new();
    for (x, y) in good {
        let text = format!("{x}: {y}");
        if line(run, &text).is_none() {
            return Err(Problem::new(
                format!(
                    "{} 찍히지 않았습니다. 멀쩡한 일의 결과를 다른 일의 실패 때문에 잃었습니다. 일마다 따로 Result를 받으세요(imap).",
                    with(&format!("'{text}'"), Josa::IGa)
                ),
                format!(
                    "'{text}' was never printed: a good task's result was lost to another's failure. Take a Result for each task on its own (imap)."
                ),
            )
            .missing());
        }
        lines.push((*x, once_by(run, &text, "main")?));
    }
    for x in bad {
        let head = format!("{x}: failed (");
        let Some(at) = run.stdout.iter().position(|l| l.starts_with(&head)) else {
            return Err(never_printed(&format!("{head}...)")));
        };
        once_by(run, &run.stdout[at], "main")?;
        lines.push((*x, at));
    }
    let said = &run.stdout[lines.iter().find(|(x, _)| x == &bad[0]).map_or(0, |l| l.1)];
    if !said.contains(panic_says) {
        return Err(Problem::new(
            format!(
                "'{said}'에는 panic의 메시지('{panic_says}')가 없습니다. 실패의 까닭(error)을 함께 찍으세요."
            ),
            format!(
                "'{said}' does not give the panic's message ('{panic_says}'): print the failure's error with it."
            ),
        ));
    }
    lines.sort();
    if lines.windows(2).any(|pair| pair[0].1 > pair[1].1) {
        return Err(Problem::new(
            "결과가 입력 순서대로 찍히지 않았습니다.",
            "the results were not printed in the inputs' order.",
        ));
    }
    Ok(())
}

pub(super) fn keep_the_other_results(run: &Seen) -> Result<(), Problem> {
    kept(
        run,
        &[(1, 1), (2, 4), (4, 16), (6, 36)],
        &[3, 5],
        "no square for 3",
    )?;
    one_pool(run, EACH_ITS_OWN)?;
    pool_ran(run)
}

pub(super) fn each_on_its_own_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let xs: Vec<u64> = (1..=n[0] as u64).map(|i| i * 7).collect();
    let (panics, crashes) = (xs[n[1] as usize], xs[n[2] as usize]);
    let good: Vec<(u64, u64)> = xs
        .iter()
        .filter(|&&x| x != panics && x != crashes)
        .map(|&x| (x, x * 10 + 1))
        .collect();
    kept(
        run,
        &good,
        &[panics, crashes],
        &format!("the checker's task {panics} fails"),
    )?;
    for (x, _) in &good {
        ran_in_a_worker(run, *x)?;
    }
    xs.iter().try_for_each(|&x| ran_once(run, x))?;
    tasks_overlapped(run, EACH_ITS_OWN)?;
    one_pool(run, EACH_ITS_OWN)?;
    // The last task that does not fail takes 1 to 1.5 s (watched): once the others are done,
    // main, asleep in `get` (or an imap's next), has nothing to wake for.
    slept_through_the_quiet(
        run,
        |thread| thread == "main",
        [
            "결과마다 get으로 잠든 채 기다리세요. ready()를 자꾸 들여다보지 마세요.",
            "wait for each result asleep in get, not by looking at ready() again and again.",
        ],
    )
}

/// What 17 asks for instead of a pool per task.
const EACH_ITS_OWN: [&str; 2] = [
    "풀 하나에 일을 모두 주고, 일마다 결과를 따로 받으세요(imap이나 apply_async).",
    "Give every task to one pool and take each task's result on its own (imap or apply_async).",
];

/// The checker's task `x` ran once ("work x in ..." printed once): a task that failed is not run
/// again, and neither is one that a failed `map` had already run.
fn ran_once(run: &Run, x: u64) -> Result<(), Problem> {
    let said = format!("work {x} in ");
    let times = (run.events_of_kind(Kind::Say).iter())
        .filter(|e| e.msg.starts_with(&said))
        .count();
    if times <= 1 {
        return Ok(());
    }
    Err(Problem::new(
        format!(
            "검사기의 {x}번 일이 {times}번 돌았습니다. 일은 한 번만 돌아야 합니다. map이 실패한 뒤에 일마다 apply로 다시 돌리면 이미 돈 일이 또 돕니다. 처음부터 일마다 결과를 따로 받으세요(imap이나 apply_async)."
        ),
        format!(
            "the checker's task {x} ran {times} times, and a task runs once: a map that failed, then apply for each task, runs again what already ran. Take each task's result on its own from the start (imap or apply_async)."
        ),
    ))
}
