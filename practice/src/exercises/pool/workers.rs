//! Workers retired after a number of tasks, and pairs mapped with starmap.

use super::*;

/// No worker did more than `most` tasks: the count each task printed ("<worker> holds n items"
/// or "task n of <worker>") never passes `most`.
pub(super) fn retired_in_time(run: &Run, most: usize) -> Result<(), Problem> {
    for l in &run.stdout {
        let count = if let Some(rest) = l.strip_prefix("task ") {
            rest.split(' ').next()
        } else if let Some((_, rest)) = l.split_once(" holds ") {
            rest.split(' ').next()
        } else {
            None
        };
        let Some(n) = count.and_then(|n| n.parse::<usize>().ok()) else {
            continue;
        };
        if n > most {
            return Err(Problem::new(
                format!(
                    "{} 찍혔습니다. 작업 프로세스 하나가 일을 {most}개보다 많이 했습니다. {most}개를 하면 물러나게 하세요(maxtasksperchild).",
                    with(&format!("'{l}'"), Josa::IGa)
                ),
                format!(
                    "'{l}' was printed: a worker did more than {most} tasks. Let it retire after {most} (maxtasksperchild)."
                ),
            ));
        }
    }
    Ok(())
}

/// A worker retires after `most` tasks, not sooner: with at least twice `most` in tasks, dealt
/// to two workers in turn, the first two each reach it. A worker per task (`maxtasksperchild(1)`
/// whatever `most` is) never does.
fn retired_not_sooner(run: &Run, most: usize) -> Result<(), Problem> {
    let done = (run.stdout.iter())
        .filter_map(|l| {
            l.strip_prefix("task ")?
                .split(' ')
                .next()?
                .parse::<usize>()
                .ok()
        })
        .max()
        .unwrap_or(0);
    if done < most {
        return Err(Problem::new(
            format!(
                "작업 프로세스가 하나도 일을 {most}개까지 하지 않았습니다(가장 많이 한 것이 {done}개). 정한 수보다 일찍 물러나면 프로세스를 괜히 새로 띄웁니다. maxtasksperchild에 받은 수(most)를 그대로 주세요."
            ),
            format!(
                "no worker did {most} tasks (the most any did was {done}): retiring sooner starts processes for nothing. Give maxtasksperchild the number the function was given (most)."
            ),
        ));
    }
    Ok(())
}

/// The pool keeps its two workers: never more alive at once (a worker retires and a fresh one
/// takes its place), rather than a worker for every task, none of which ever needs to retire.
fn two_workers_at_a_time(run: &Seen) -> Result<(), Problem> {
    let most = most_processes_at_once(run, "ForkPoolWorker-");
    if most > 2 {
        return Err(Problem::new(
            format!(
                "풀의 작업 프로세스가 한때 {most}개 살아 있었습니다. 작업 프로세스는 둘이어야 합니다. 일마다 작업 프로세스를 두면 물러날 일이 없습니다. 둘을 두고, 정한 수만큼 일한 작업 프로세스가 물러나고 새것이 자리를 잇게 하세요(maxtasksperchild)."
            ),
            format!(
                "{most} pool workers were alive at one time; there must be two. A worker for every task never has to retire: keep two, and let a worker that did its tasks retire for a fresh one (maxtasksperchild)."
            ),
        ));
    }
    Ok(())
}

/// What 15 asks for instead of a pool per batch.
const RETIRE: [&str; 2] = [
    "풀 하나에서 작업 프로세스가 정해진 수만큼 일하고 물러나게 하세요(maxtasksperchild).",
    "Let the workers of one pool retire after so many tasks (maxtasksperchild).",
];

pub(super) fn fresh_workers(run: &Seen) -> Result<(), Problem> {
    one_pool(run, RETIRE)?;
    retired_in_time(run, 2)?;
    two_workers_at_a_time(run)?;
    let squares = "squares: [1, 4, 9, 16, 25, 36, 49, 64]";
    line(run, squares).ok_or_else(|| expected(run, squares))?;
    pool_ran(run)
}

pub(super) fn with_fresh_workers_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    one_pool(run, RETIRE)?;
    retired_in_time(run, n[1] as usize)?;
    retired_not_sooner(run, n[1] as usize)?;
    two_workers_at_a_time(run)?;
    for x in 1..=n[0] {
        let head = format!("(work {x})");
        let by: Vec<&Event> = run
            .events_of_kind(Kind::Say)
            .into_iter()
            .filter(|e| e.msg.ends_with(&head))
            .collect();
        if by.len() != 1 || !by[0].process.starts_with("ForkPoolWorker-") {
            return Err(Problem::new(
                format!("검사기의 {x}번 일이 풀의 작업 프로세스에서 한 번 돌아야 합니다."),
                format!("the checker's task {x} must run once, in a pool worker."),
            ));
        }
    }
    let want: Vec<i64> = (1..=n[0]).map(|x| x * 10 + 1).collect();
    returned(
        run,
        args,
        &want,
        [
            "입력의 순서대로 돌려주세요.",
            "return them in the inputs' order.",
        ],
    )
}

pub(super) fn pairs_with_starmap(run: &Seen) -> Result<(), Problem> {
    for (a, b) in [(2, 3), (4, 5), (6, 7)] {
        let head = format!("{a} * {b} in ");
        let Some(event) = run
            .events_of_kind(Kind::Say)
            .into_iter()
            .find(|e| e.msg.starts_with(&head))
        else {
            return Err(never_printed(&format!("{head}...")));
        };
        if !event.process.starts_with("ForkPoolWorker-") {
            return Err(Problem::new(
                format!(
                    "'{a} * {b}' 계산이 풀의 작업 프로세스가 아니라 '{}'에서 돌았습니다.",
                    event.process
                ),
                format!(
                    "{a} * {b} was computed in '{}', not in a pool worker.",
                    event.process
                ),
            ));
        }
    }
    let want = "products: [6, 20, 42]";
    line(run, want).ok_or_else(|| expected(run, want))?;
    Ok(())
}

pub(super) fn products_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    for a in 1..=n[0] as u64 {
        ran_in_a_worker(run, a)?;
    }
    tasks_overlapped(
        run,
        [
            "`pool.starmap`에 짝을 한꺼번에 넘기세요. 풀이 작업 프로세스에 나눠 맡깁니다.",
            "hand `pool.starmap` all the pairs at once, and the pool shares them out among its workers.",
        ],
    )?;
    let want: Vec<i64> = (1..=n[0]).map(|a| a * 100 + a + n[1]).collect();
    returned(
        run,
        args,
        &want,
        [
            "쌍의 순서대로 돌려주세요.",
            "return them in the pairs' order.",
        ],
    )
}

/// Main started one pool (each pool has one 'ForkServer' that starts its workers): one pool
/// serves every task (`then`: what to do instead, in both languages).
pub(in crate::exercises) fn one_pool(
    run: &Run,
    [then_ko, then_en]: [&str; 2],
) -> Result<(), Problem> {
    let pools = (run.events_of_kind(Kind::ProcessStart).into_iter())
        .filter(|e| e.process == "ForkServer" && e.ppid == run.pid)
        .count();
    if pools <= 1 {
        return Ok(());
    }
    Err(Problem::new(
        format!(
            "main이 풀을 {pools}개 시작했습니다. 묶음마다, 일마다 새 풀을 만들면 풀째로 버려집니다. {then_ko}"
        ),
        format!(
            "main started {pools} pools: a new pool for each batch or task throws whole pools away. {then_en}"
        ),
    ))
}
