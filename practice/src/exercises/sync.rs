//! The shared-state chapter's exercises: Event, Semaphore, Condition, Barrier, executors.

use super::*;

/// How long a worker may take to go after "main: go" when it waits for the signal: a woken thread
/// runs within milliseconds, even with both cores busy. A worker that sleeps a fixed time in place
/// of waiting must sleep past the 1.2 s main prepares in `main`, and then goes more than a second
/// late when the checker's call prepares for less than 0.1 s.
const GO_MARGIN_NS: u64 = 600_000_000;

/// "main: go" by the main thread; each "worker i goes" once, by thread "worker i", after it.
fn released_after_go(run: &Run, workers: usize) -> Result<(), Problem> {
    let go = "main: go";
    if printed_by(run, go)?.thread != "main" {
        return Err(Problem::new(
            "'main: go'는 main 스레드가 찍어야 합니다.",
            "'main: go' must be printed by the main thread.",
        ));
    }
    let go_at = line(run, go).ok_or_else(|| never_printed(go))?;
    for i in 0..workers {
        let goes = format!("worker {i} goes");
        let quoted = format!("'{goes}'");
        let at = line(run, &goes).ok_or_else(|| never_printed(&goes))?;
        if at < go_at {
            return Err(Problem::new(
                format!(
                    "{} 'main: go'보다 먼저 찍혔습니다. 작업자가 신호를 기다리지 않았습니다. Event를 기다리세요(wait).",
                    with(&quoted, Josa::IGa)
                ),
                format!(
                    "{quoted} was printed before 'main: go': the worker did not wait for the signal. Wait on an Event."
                ),
            ));
        }
        let thread = &printed_by(run, &goes)?.thread;
        if *thread != format!("worker {i}") {
            return Err(Problem::new(
                format!(
                    "{} '{thread}' 스레드가 찍었습니다. 'worker {i}' 스레드가 찍어야 합니다.",
                    with(&quoted, Josa::EulReul)
                ),
                format!("{quoted} was printed by '{thread}', not by the thread 'worker {i}'."),
            ));
        }
    }
    Ok(())
}

fn wait_for_the_go(run: &Run) -> Result<(), Problem> {
    released_after_go(run, 3)?;
    ended_with_its_workers(run)
}

fn release_after_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let workers = numbers(args)[0] as usize;
    released_after_go(run, workers)?;
    let go = printed_by(run, "main: go")?.t_ns;
    for i in 0..workers {
        let goes = format!("worker {i} goes");
        let late = printed_by(run, &goes)?.t_ns.saturating_sub(go);
        if late > GO_MARGIN_NS {
            let secs = format!("{:.1}", late as f64 / 1e9);
            return Err(Problem::new(
                format!(
                    "{} 신호보다 {secs}초 늦게 찍혔습니다. 정해진 시간만큼 자는 것은 신호를 기다리는 것이 아닙니다(main의 준비가 짧으면 늦고, 길면 이릅니다). Event를 기다리세요.",
                    with(&format!("'{goes}'"), Josa::IGa)
                ),
                format!(
                    "'{goes}' came {secs} s after the signal. Sleeping a fixed time is not waiting for it (late when main prepares briefly, early when it takes long): wait on an Event."
                ),
            ));
        }
    }
    Ok(())
}

/// Each "enter i" and "leave i" once, by thread "worker i", enter first; never more than two
/// inside at once (counted in the order stdout received the lines: a worker prints "enter" after
/// taking its place and "leave" before giving it back), and two together at some point.
fn two_inside(run: &Run, workers: usize) -> Result<(), Problem> {
    for i in 0..workers {
        for text in [format!("enter {i}"), format!("leave {i}")] {
            let count = run.stdout.iter().filter(|l| **l == text).count();
            if count != 1 {
                return Err(Problem::new(
                    format!(
                        "{} 한 번이 아니라 {count}번 찍혔습니다.",
                        with(&format!("'{text}'"), Josa::IGa)
                    ),
                    format!("'{text}' was printed {count} times, not once."),
                ));
            }
            let thread = &printed_by(run, &text)?.thread;
            if *thread != format!("worker {i}") {
                return Err(Problem::new(
                    format!(
                        "{} '{thread}' 스레드가 찍었습니다. 'worker {i}' 스레드가 찍어야 합니다.",
                        with(&format!("'{text}'"), Josa::EulReul)
                    ),
                    format!("'{text}' was printed by '{thread}', not by the thread 'worker {i}'."),
                ));
            }
        }
    }
    let (mut inside, mut most) = (0usize, 0usize);
    for l in &run.stdout {
        if l.starts_with("enter ") {
            inside += 1;
            most = most.max(inside);
            if inside > 2 {
                return Err(Problem::new(
                    format!(
                        "{} 찍힐 때 {inside}명이 안에 있었습니다. 한 번에 둘까지만 들어가야 합니다. 자리 두 개짜리 Semaphore를 쓰세요.",
                        with(&format!("'{l}'"), Josa::IGa)
                    ),
                    format!(
                        "when '{l}' was printed, {inside} were inside: at most two may be. Use a Semaphore of two places."
                    ),
                ));
            }
        } else if l.starts_with("leave ") {
            inside = inside.saturating_sub(1);
        }
    }
    if most < 2 {
        return Err(Problem::new(
            "한 번에 하나씩만 들어갔습니다. 둘이 함께 들어갈 수 있어야 합니다. 잠금(Mutex)이 아니라 자리 두 개짜리 Semaphore를 쓰세요.",
            "only one was ever inside: two must be able to be inside together. Use a Semaphore of two places, not a lock.",
        ));
    }
    Ok(())
}

fn two_at_a_time(run: &Run) -> Result<(), Problem> {
    two_inside(run, 6)?;
    ended_with_its_workers(run)
}

fn at_most_two_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    two_inside(run, numbers(args)[0] as usize)
}

/// Each "consumed i" (i below `items`) once, by a consumer thread, after "produced i"; nothing
/// left on the shelf.
fn consumed_each_once(run: &Run, items: u32) -> Result<(), Problem> {
    for i in 0..items {
        let consumed = format!("consumed {i}");
        let quoted = format!("'{consumed}'");
        let count = run.stdout.iter().filter(|l| **l == consumed).count();
        if count == 0 {
            return Err(Problem::new(
                format!(
                    "{} 찍히지 않았습니다. 소비자가 빈 선반을 보고 깨어나서 끝난 줄 알고 그만뒀습니다. 깨어날 때마다 조건을 다시 보세요(`while`).",
                    with(&quoted, Josa::IGa)
                ),
                format!(
                    "{quoted} was never printed: the consumers woke to an empty shelf, took it for the end and quit. Check the condition again after every wake-up (`while`)."
                ),
            ));
        }
        if count > 1 {
            return Err(Problem::new(
                format!(
                    "{} {count}번 찍혔습니다. 물건마다 한 번입니다.",
                    with(&quoted, Josa::IGa)
                ),
                format!("{quoted} was printed {count} times: once per item."),
            ));
        }
        let thread = &printed_by(run, &consumed)?.thread;
        if !thread.starts_with("consumer ") {
            return Err(Problem::new(
                format!(
                    "{} '{thread}' 스레드가 찍었습니다. 소비자 스레드가 꺼내서 찍어야 합니다.",
                    with(&quoted, Josa::EulReul)
                ),
                format!("{quoted} was printed by '{thread}', not by a consumer thread."),
            ));
        }
        let produced = format!("produced {i}");
        let made = line(run, &produced).ok_or_else(|| never_printed(&produced))?;
        if line(run, &consumed) < Some(made) {
            return Err(Problem::new(
                format!(
                    "{} '{produced}'보다 먼저 찍혔습니다. 선반에서 꺼낸 물건을 찍으세요.",
                    with(&quoted, Josa::IGa)
                ),
                format!("{quoted} came before '{produced}': print the items taken off the shelf."),
            ));
        }
    }
    let left = "left on the shelf: 0";
    line(run, left).ok_or_else(|| expected(run, left))?;
    Ok(())
}

fn wait_in_a_loop(run: &Run) -> Result<(), Problem> {
    consumed_each_once(run, 9)?;
    ended_with_its_workers(run)
}

fn consume_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    consumed_each_once(run, numbers(args)[1] as u32)
}

/// Each "worker w phase p done" once, by thread "worker w"; every line of a phase before any
/// line of the next (a worker prints its line before it waits at the barrier, and the others go
/// on only after the last one's line).
fn lined_up(run: &Run, workers: usize, phases: usize) -> Result<(), Problem> {
    // For each phase: the earliest and the latest line, with their texts.
    let mut spans: Vec<((usize, String), (usize, String))> = Vec::new();
    for p in 0..phases {
        let mut span: Option<((usize, String), (usize, String))> = None;
        for w in 0..workers {
            let done = format!("worker {w} phase {p} done");
            let quoted = format!("'{done}'");
            let count = run.stdout.iter().filter(|l| **l == done).count();
            if count != 1 {
                return Err(Problem::new(
                    format!(
                        "{} 한 번이 아니라 {count}번 찍혔습니다.",
                        with(&quoted, Josa::IGa)
                    ),
                    format!("{quoted} was printed {count} times, not once."),
                ));
            }
            let thread = &printed_by(run, &done)?.thread;
            if *thread != format!("worker {w}") {
                return Err(Problem::new(
                    format!(
                        "{} '{thread}' 스레드가 찍었습니다. 'worker {w}' 스레드가 찍어야 합니다.",
                        with(&quoted, Josa::EulReul)
                    ),
                    format!("{quoted} was printed by '{thread}', not by the thread 'worker {w}'."),
                ));
            }
            let at = line(run, &done).unwrap_or(0);
            span = Some(match span {
                None => ((at, done.clone()), (at, done)),
                Some((first, last)) => (
                    if at < first.0 {
                        (at, done.clone())
                    } else {
                        first
                    },
                    if at > last.0 { (at, done) } else { last },
                ),
            });
        }
        spans.extend(span);
    }
    for pair in spans.windows(2) {
        let ((_, behind), (early_at, early)) = (&pair[0].1, &pair[1].0);
        if *early_at < pair[0].1.0 {
            return Err(Problem::new(
                format!(
                    "{} '{behind}'보다 먼저 찍혔습니다. 모두가 앞 단계를 마치기 전에 다음 단계로 갔습니다. 단계마다 Barrier에서 기다리세요.",
                    with(&format!("'{early}'"), Josa::IGa)
                ),
                format!(
                    "'{early}' came before '{behind}': a worker went on before everyone had finished the phase before. Wait at a Barrier after each phase."
                ),
            ));
        }
    }
    Ok(())
}

fn line_up_the_phases(run: &Run) -> Result<(), Problem> {
    lined_up(run, 3, 3)?;
    ended_with_its_workers(run)
}

fn in_phases_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    lined_up(run, n[0] as usize, n[1] as usize)
}

/// Each round's tasks are done, each once by a worker, before main's "round r done", which comes
/// soon after the round's last task; each worker ends once, after the last round.
fn rounds_waited(run: &Run, workers: usize, tasks: u32) -> Result<(), Problem> {
    let mut round_done = 0;
    for round in 1..=2 {
        let done = format!("round {round} done");
        round_done = once_by(run, &done, "main")?;
        let mut last_task_ns = 0;
        for task in 0..tasks {
            let text = format!("round {round} task {task} done");
            let at = once_by(run, &text, "worker ")?;
            last_task_ns = last_task_ns.max(printed_by(run, &text)?.t_ns);
            if at > round_done {
                return Err(Problem::new(
                    format!(
                        "{} '{done}'보다 뒤에 찍혔습니다. main이 그 회차의 일을 기다리지 않았습니다. 일마다 끝났다고 알리고(task_done) 회차의 일을 모두 기다리세요(q.join()).",
                        with(&format!("'{text}'"), Josa::IGa)
                    ),
                    format!(
                        "'{text}' came after '{done}': main did not wait for the round's tasks. Mark each task done (task_done) and wait for all of the round's (q.join())."
                    ),
                ));
            }
        }
        // Waiting for the tasks ends within milliseconds of the last; a fixed sleep long enough
        // for the second plan's late task (1.1 s) outlasts the first plan's quick round by more.
        let after = printed_by(run, &done)?.t_ns.saturating_sub(last_task_ns);
        if margin_measured() && after > JOIN_MARGIN_NS {
            let secs = format!("{:.1}", after as f64 / 1e9);
            return Err(Problem::new(
                format!(
                    "회차의 마지막 일이 끝나고 {secs}초 뒤에야 {} 찍혔습니다. 정해진 시간만큼 자는 것은 기다리는 것이 아닙니다. 일마다 끝났다고 알리고 그것을 기다리세요.",
                    with(&format!("'{done}'"), Josa::IGa)
                ),
                format!(
                    "'{done}' came {secs} s after the round's last task. Sleeping a fixed time is not waiting: mark each task done and wait for that."
                ),
            ));
        }
    }
    for w in 0..workers {
        let ends = format!("worker {w} ends");
        if run.stdout.iter().filter(|l| **l == ends).count() > 1 {
            return Err(Problem::new(
                format!(
                    "{} 여러 번 찍혔습니다. 회차마다 작업자를 새로 만들고 join했습니다. 작업자는 두 회차 동안 같은 스레드로 남아야 합니다. 스레드가 아니라 일을 기다리세요.",
                    with(&format!("'{ends}'"), Josa::IGa)
                ),
                format!(
                    "'{ends}' was printed more than once: new workers were made and joined for each round. The workers stay, the same threads, for both rounds: wait for the tasks, not for the threads."
                ),
            ));
        }
        if once_by(run, &ends, &format!("worker {w}"))? < round_done {
            return Err(Problem::new(
                format!(
                    "{} 'round 2 done'보다 먼저 찍혔습니다. 작업자는 두 회차 동안 남아 있어야 합니다. 스레드가 아니라 일을 기다리세요.",
                    with(&format!("'{ends}'"), Josa::IGa)
                ),
                format!(
                    "'{ends}' came before 'round 2 done': the workers stay for both rounds. Wait for the tasks, not for the threads."
                ),
            ));
        }
    }
    Ok(())
}

fn wait_for_the_tasks(run: &Run) -> Result<(), Problem> {
    rounds_waited(run, 2, 4)?;
    ended_with_its_workers(run)
}

fn two_rounds_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    rounds_waited(run, n[0] as usize, n[1] as u32)
}

const ONE_GUARD_KO: &str = "더한 것을 잃었습니다. 더하기마다 가드 하나를 쥔 채로 읽고 쓰세요(잠금이 바쁘다고 건너뛰지도 마세요).";
const ONE_GUARD_EN: &str = "additions were lost: do each addition's read and write while holding one guard (and skip none when the lock is busy).";

fn hold_the_lock(run: &Run) -> Result<(), Problem> {
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

fn add_under_a_lock_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let (got, want) = (result(run)?, n[0] * n[1]);
    if got != want {
        return Err(Problem::new(
            format!("검사기의 카운터 값은 {got}, 맞는 값은 {want}입니다. {ONE_GUARD_KO}"),
            format!("the checker's counter holds {got}, not {want}: {ONE_GUARD_EN}"),
        ));
    }
    added_by_threads(run, n[0], n[1], "add_one")
}

/// Each "as_completed: x -> y" once, printed by main (the caller, as Python's `as_completed`
/// loop is); the returned list, in the order of the inputs.
fn completed(run: &Run, pairs: &[(u64, u64)], returned: &str) -> Result<(), Problem> {
    for (x, y) in pairs {
        once_by(run, &format!("as_completed: {x} -> {y}"), "main")?;
    }
    line(run, returned).ok_or_else(|| expected(run, returned))?;
    Ok(())
}

fn as_completed(run: &Run) -> Result<(), Problem> {
    completed(
        run,
        &[(1, 1), (2, 4), (3, 9), (4, 16)],
        "map: [1, 4, 9, 16]",
    )?;
    ended_with_its_workers(run)
}

/// The checker's tasks: `xs` 3, 6, 9, ...; the one at the place `args[1]` takes 1.5 s, the others
/// are done at once. Every other result is printed before the slow task finished.
fn submit_all_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let xs: Vec<u64> = (1..=n[0] as u64).map(|i| i * 3).collect();
    let pairs: Vec<(u64, u64)> = xs.iter().map(|&x| (x, x * 10 + 1)).collect();
    let ys: Vec<String> = pairs.iter().map(|(_, y)| y.to_string()).collect();
    completed(run, &pairs, &format!("result: {}", ys.join(" ")))?;
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
fn waited_together(run: &Run, n: usize, who: &str) -> Result<(), Problem> {
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

fn gather_on_one_thread(run: &Run) -> Result<(), Problem> {
    waited_together(run, 5, "wait")
}

/// The checker's own waits ("task i ..."), printed only if `gather_waits` polled them.
fn gather_waits_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    if line(run, "task 0 starts").is_none() {
        return Err(Problem::new(
            "검사기가 넘긴 기다림('task i ...')이 하나도 돌지 않았습니다. `gather_waits`는 받은 `wait(i)`를 await해야 합니다(기대한 줄을 직접 찍지 말고).",
            "the checker's waits ('task i ...') never ran: `gather_waits` must await the `wait(i)` it is given (not print the expected lines itself).",
        )
        .missing());
    }
    waited_together(run, numbers(args)[0] as usize, "task")
}

/// The check of each exercise of this part, and the checker's call of its function if it has
/// one.
pub(super) fn mechanism(package: &str) -> Option<(Check, Option<Probe>)> {
    Some(match package {
        "wait-for-the-go" => (
            wait_for_the_go,
            Some(Probe {
                bin: "check-25",
                signature: "pub fn release_after(workers: usize, prep_ms: u64)",
                // Workers, and a short preparation: a worker that sleeps past `main`'s 1.2 s
                // is then more than a second late.
                args: &[(2, 5), (10, 80)],
                names: &[
                    ["작업자", "workers"],
                    ["준비 시간(ms)", "preparation in ms"],
                ],
                check: release_after_call,
                // A late start would add to the time after the signal.
                late_starts: false,
            }),
        ),
        "two-at-a-time" => (
            two_at_a_time,
            Some(Probe {
                bin: "check-24",
                signature: "pub fn at_most_two(workers: usize, inside_ms: u64)",
                args: &[(4, 8), (100, 200)],
                names: &[
                    ["작업자", "workers"],
                    ["안에 머무는 시간(ms)", "time inside in ms"],
                ],
                check: at_most_two_call,
                // A late start holds its place unseen (the delay comes before its "enter"), so
                // two inside together shows only without one; `main`'s 0.5 s inside outlasts the
                // plans' 0.3 s.
                late_starts: false,
            }),
        ),
        "wait-in-a-loop" => (
            wait_in_a_loop,
            Some(Probe {
                bin: "check-23",
                signature: "pub fn consume(shelf: &Mutex<Shelf>, changed: &Condvar)",
                // Consumers, items: the checker's producer, and its bell every 0.3 ms.
                args: &[(2, 5), (8, 20)],
                names: &[["소비자", "consumers"], ["물건", "items"]],
                check: consume_call,
                late_starts: true,
            }),
        ),
        "line-up-the-phases" => (
            line_up_the_phases,
            Some(Probe {
                bin: "check-26",
                signature: "pub fn in_phases(workers: usize, phases: usize)",
                // Workers, phases.
                args: &[(2, 5), (2, 4)],
                names: &[["작업자", "workers"], ["단계", "phases"]],
                check: in_phases_call,
                late_starts: true,
            }),
        ),
        "wait-for-the-tasks" => (
            wait_for_the_tasks,
            Some(Probe {
                bin: "check-27",
                signature: "pub fn two_rounds(workers: usize, tasks: u32)",
                // Workers, tasks per round.
                args: &[(2, 4), (3, 8)],
                names: &[["작업자", "workers"], ["회차마다 일", "tasks per round"]],
                check: two_rounds_call,
                late_starts: true,
            }),
        ),
        "hold-the-lock" => (
            hold_the_lock,
            Some(Probe {
                bin: "check-22",
                signature: "pub fn add_under_a_lock(counter: &Mutex<u64>, threads: usize, times: u64, add_one: fn(u64) -> u64)",
                // Threads, additions per thread.
                args: &[(2, 4), (200_000, 500_000)],
                names: &[
                    ["스레드", "threads"],
                    ["스레드마다 더하기", "additions per thread"],
                ],
                check: add_under_a_lock_call,
                late_starts: true,
            }),
        ),
        "as-completed" => (
            as_completed,
            Some(Probe {
                bin: "check-28",
                signature: "pub fn submit_all(xs: &[u64], work: fn(u64) -> u64) -> Vec<u64>",
                // Tasks, and the place of the slow one: never the last, so joining in order
                // makes a quick one wait.
                args: &[(3, 6), (0, 1)],
                names: &[["일", "tasks"], ["느린 일의 자리", "place of the slow one"]],
                check: submit_all_call,
                late_starts: true,
            }),
        ),
        "gather-on-one-thread" => (
            gather_on_one_thread,
            Some(Probe {
                bin: "check-29",
                signature: "pub fn gather_waits<W, F>(n: usize, wait: W)",
                // The checker's waits, each this many milliseconds.
                args: &[(3, 9), (50, 200)],
                names: &[["기다림", "waits"], ["기다림마다 ms", "ms each"]],
                check: gather_waits_call,
                late_starts: true,
            }),
        ),
        _ => return None,
    })
}
