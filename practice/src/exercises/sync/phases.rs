//! Barrier: workers lined up phase by phase, and rounds of tasks waited for together.

use super::*;

/// Each "worker w phase p done" once, by thread "worker w"; every line of a phase before any
/// line of the next (a worker prints its line before it waits at the barrier, and the others go
/// on only after the last one's line).
pub(super) fn lined_up(run: &Run, workers: usize, phases: usize) -> Result<(), Problem> {
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

pub(super) fn line_up_the_phases(run: &Seen) -> Result<(), Problem> {
    lined_up(run, 3, 3)?;
    slept_at_the_barrier(run, 3)?;
    ended_with_its_workers(run)
}

pub(super) fn in_phases_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    lined_up(run, n[0] as usize, n[1] as usize)?;
    slept_at_the_barrier(run, n[1] as usize)?;
    // While a worker is late (before its first line) and the others have arrived, nothing
    // happens: a worker waiting at the barrier sleeps through it.
    slept_through_the_quiet(run, |thread| thread.starts_with("worker "), BARRIER)
}

const BARRIER: [&str; 2] = [
    "Barrier의 wait()로 기다리세요. 모두 올 때까지 잠들었다가 마지막 작업자가 오면 함께 깨어납니다.",
    "Wait with the Barrier's wait(): it sleeps until all have arrived, and the last to arrive wakes them together.",
];

/// The workers slept while they waited for the others at the end of each phase: a worker that
/// waits at a `Barrier` sleeps about 3 times a phase (its own work's sleep, the wait, a line),
/// one that polls a counter sleeps once a look (a look every millisecond is 10 to 40 a phase).
fn slept_at_the_barrier(run: &Seen, phases: usize) -> Result<(), Problem> {
    slept_through(
        run,
        |thread| thread.starts_with("worker "),
        None,
        5 * phases as u64 + 6,
        BARRIER,
    )
}

/// Each round's tasks are done, each once by a worker, before main's "round r done", which comes
/// soon after the round's last task; each worker ends once, after the last round.
pub(super) fn rounds_waited(run: &Seen, workers: usize, tasks: u32) -> Result<(), Problem> {
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
        if run.as_it_is && after > JOIN_MARGIN_NS {
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

pub(super) fn wait_for_the_tasks(run: &Seen) -> Result<(), Problem> {
    rounds_waited(run, 2, 4)?;
    main_slept_through_the_rounds(run, 4)?;
    ended_with_its_workers(run)
}

pub(super) fn two_rounds_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    rounds_waited(run, n[0] as usize, n[1] as u32)?;
    main_slept_through_the_rounds(run, n[1])?;
    // While the first worker is late (1.1 s, before its first line) and the others are done,
    // nothing happens: main, waiting for the round, sleeps through it.
    slept_through_the_quiet(run, |thread| thread == "main", WAIT_GROUP)
}

const WAIT_GROUP: [&str; 2] = [
    "회차마다 일이 모두 끝났다는 것을 잠든 채 기다리세요(q.join()처럼: WaitGroup의 wait()).",
    "Wait asleep until the round's tasks are all done (as q.join() does: a WaitGroup's wait()).",
];

/// Main slept while it waited for each round: waiting for the round's tasks (a `WaitGroup`, as
/// `q.join()`) sleeps about 5 times in all (two rounds, the lines, the workers' ends); a main
/// that waits in `recv` for a "done" per task (right, by another tool: the third blind review's,
/// refused 1 or 2 times in 10 before) wakes once a task, so each of the `tasks` of the two rounds
/// is allowed a wake; a main that polls a count of finished tasks every millisecond sleeps 6 to
/// 40 times a round.
fn main_slept_through_the_rounds(run: &Seen, tasks: i64) -> Result<(), Problem> {
    main_slept(
        run,
        MOST_SLEEPS_OF_A_WAITER + 2 * tasks.max(0) as u64,
        WAIT_GROUP,
    )
}
