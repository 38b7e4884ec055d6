//! The IPC chapter's exercises: a manager's dict, queues and pipes between processes, Array.

use super::*;

/// Each child process of main (named `Process-k`) has its entry "<prefix>Process-k: <its PID>"
/// printed by the main process; there are `children` of them; a manager process ran, and each
/// child called a proxy (its count of shared uses: names and PIDs the parent lists from its
/// handles, beside a manager left unused, are caught).
fn recorded(run: &Run, children: usize, prefix: &str) -> Result<(), Problem> {
    let started = run.events_of_kind(Kind::ProcessStart);
    let kids: Vec<&Event> = started
        .iter()
        .copied()
        .filter(|e| e.ppid == run.pid && e.process.starts_with("Process-"))
        .collect();
    if kids.len() != children {
        return Err(Problem::new(
            format!(
                "자식 프로세스가 {children}개여야 하는데 {}개 시작되었습니다.",
                kids.len()
            ),
            format!("{children} child processes must start; {} did.", kids.len()),
        ));
    }
    for kid in &kids {
        let head = format!("{prefix}{}: ", kid.process);
        let want = format!("{head}{}", kid.pid);
        let Some(got) = run.stdout.iter().find(|l| l.starts_with(&head)) else {
            return Err(Problem::new(
                format!(
                    "{}의 항목이 찍히지 않았습니다. 자식마다 dict의 복사본을 고쳤고, main의 dict에는 아무것도 없습니다. 매니저의 dict를 쓰세요.",
                    kid.process
                ),
                format!(
                    "no entry of {} was printed: each child changed its own copy of the dict, and main's has nothing. Use a manager's dict.",
                    kid.process
                ),
            ));
        };
        if *got != want {
            return Err(Problem::new(
                format!(
                    "{} 찍혔는데 {}의 PID는 {}입니다. 자식이 적은 값을 찍으세요.",
                    with(&format!("'{got}'"), Josa::IGa),
                    kid.process,
                    kid.pid
                ),
                format!(
                    "'{got}' was printed, but the PID of {} is {}: print what the child wrote.",
                    kid.process, kid.pid
                ),
            ));
        }
        if printed_by(run, &want)?.pid != run.pid {
            return Err(Problem::new(
                format!(
                    "{} 자식이 찍었습니다. 자식이 적은 dict를 main이 읽어서 찍어야 합니다.",
                    with(&format!("'{want}'"), Josa::EulReul)
                ),
                format!("'{want}' was printed by the child: main must read the dict and print it."),
            ));
        }
    }
    if !started.iter().any(|e| e.process == "SyncManager-1") {
        return Err(Problem::new(
            "매니저 프로세스가 돌지 않았습니다. dict를 매니저(`common::manager::Manager`)로 나누세요.",
            "no manager process ran: share the dict through a manager (`common::manager::Manager`).",
        ));
    }
    for kid in kids {
        if shared_accesses(run, kid.pid) == 0 {
            return Err(Problem::new(
                format!(
                    "{} 매니저의 dict를 한 번도 쓰지 않았습니다. 자기 항목은 자식이 프록시로 직접 적어야 합니다(부모가 핸들에서 읽어 만든 목록은 안 됨).",
                    with(&kid.process, Josa::IGa)
                ),
                format!(
                    "{} never used the manager's dict: each child writes its own entry through its proxy (a list the parent makes from its handles does not count).",
                    kid.process
                ),
            ));
        }
    }
    Ok(())
}

fn share_a_dict(run: &Run) -> Result<(), Problem> {
    recorded(run, 3, "")?;
    ended_with_its_workers(run)
}

fn record_pids_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    recorded(run, numbers(args)[0] as usize, "entry ")
}

/// Main's child processes named `Process-k`, each with its PID, from the trace.
fn children(run: &Run) -> Vec<(String, u32)> {
    run.events_of_kind(Kind::ProcessStart)
        .into_iter()
        .filter(|e| e.ppid == run.pid && e.process.starts_with("Process-"))
        .map(|e| (e.process.clone(), e.pid))
        .collect()
}

/// Main's `producers` child processes (`Process-k`, each with its PID).
fn producer_children(run: &Run, producers: usize) -> Result<Vec<(String, u32)>, Problem> {
    let kids = children(run);
    if kids.len() != producers {
        return Err(Problem::new(
            format!(
                "생산자 프로세스가 {producers}개여야 하는데 {}개 시작되었습니다.",
                kids.len()
            ),
            format!(
                "{producers} producer processes must start; {} did.",
                kids.len()
            ),
        ));
    }
    Ok(kids)
}

/// `producers` child processes; each item of each ("item i from Process-k (pid P)", with the
/// child's real PID) got once, printed by the main process.
fn drained(run: &Run, producers: usize, items: u32) -> Result<(), Problem> {
    let kids = producer_children(run, producers)?;
    for (name, pid) in kids {
        for i in 0..items {
            let got = format!("got item {i} from {name} (pid {pid})");
            let quoted = format!("'{got}'");
            let count = run.stdout.iter().filter(|l| **l == got).count();
            if count == 0 {
                return Err(Problem::new(
                    format!(
                        "{} 찍히지 않았습니다. 그 물건이 오기 전에 main이 받기를 그만뒀습니다. 지금 큐가 비어 있다고 끝난 것이 아닙니다. 보내는 쪽이 모두 사라질 때까지 받으세요.",
                        with(&quoted, Josa::IGa)
                    ),
                    format!(
                        "{quoted} was never printed: main stopped taking items before it came. A queue empty now is not the end: take items until every sender is gone."
                    ),
                )
                .missing());
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
            if printed_by(run, &got)?.pid != run.pid {
                return Err(Problem::new(
                    format!(
                        "{} 자식 프로세스가 찍었습니다. main이 큐에서 받아서 찍어야 합니다.",
                        with(&quoted, Josa::EulReul)
                    ),
                    format!(
                        "{quoted} was printed by a child: main takes it off the queue and prints it."
                    ),
                ));
            }
        }
    }
    Ok(())
}

fn drain_the_queue(run: &Run) -> Result<(), Problem> {
    drained(run, 3, 4)?;
    line(run, "main got 12 items").ok_or_else(|| expected(run, "main got 12 items"))?;
    ended_with_its_workers(run)
}

/// The checker's call: its own `produce` prints "put <item>" in each child before it sends the
/// item, and the item carries a number drawn in that child. Each child's items, each got once
/// by main ("got <item>"): lines made from the producers' handles, without the queue, are caught.
fn drain_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let (producers, items) = (n[0] as usize, n[1] as u32);
    let kids = producer_children(run, producers)?;
    let says = run.events_of_kind(Kind::Say);
    for (name, pid) in kids {
        for i in 0..items {
            let head = format!("put item {i} from {name} (pid {pid}) #");
            let Some(put) = says
                .iter()
                .find(|e| e.pid == pid && e.msg.starts_with(&head))
            else {
                return Err(Problem::new(
                    format!(
                        "검사기의 `produce`가 {name}에서 {i}번 물건을 넣지 않았습니다. 받은 `produce`를 생산자 프로세스마다 target으로 주세요."
                    ),
                    format!(
                        "the checker's `produce` never put item {i} in {name}: give the `produce` you were handed to each producer process as its target."
                    ),
                ));
            };
            got_once(run, put, ["main", "main"], |e| e.pid == run.pid)?;
        }
    }
    let (got, want) = (result(run)?, n[0] * n[1]);
    if got != want {
        return Err(wrong_result(
            got,
            want,
            "받은 물건의 수를 돌려주세요.",
            "return how many items main got.",
        ));
    }
    Ok(())
}

/// A line printed once, by the child process `child`; where it is.
fn by_the_child(run: &Run, text: &str, child: &str) -> Result<usize, Problem> {
    let at = line(run, text).ok_or_else(|| never_printed(text))?;
    let by = printed_by(run, text)?;
    if by.pid == run.pid || by.process != child {
        return Err(Problem::new(
            format!(
                "{} 자식 프로세스 '{child}'가 아니라 '{}'가 찍었습니다.",
                with(&format!("'{text}'"), Josa::EulReul),
                by.process
            ),
            format!(
                "'{text}' was printed by '{}', not by the child process '{child}'.",
                by.process
            ),
        ));
    }
    Ok(at)
}

/// A line printed by the main process, after the line at `after`.
fn by_the_parent_after(run: &Run, text: &str, after: usize) -> Result<(), Problem> {
    let at = line(run, text).ok_or_else(|| expected(run, text))?;
    if printed_by(run, text)?.pid != run.pid || at < after {
        return Err(Problem::new(
            format!(
                "{} 자식의 답을 받은 뒤에 부모가 찍어야 합니다.",
                with(&format!("'{text}'"), Josa::EulReul)
            ),
            format!("'{text}' is printed by the parent, after the child's answer."),
        ));
    }
    Ok(())
}

/// Each job squared by the child and its answer (the square times `by`) printed by the parent;
/// at the end marker the child's total, then the parent's.
fn over_the_pipe(run: &Run, jobs: &[u64], by: u64) -> Result<(), Problem> {
    for x in jobs {
        let at = by_the_child(run, &format!("child squared {x}"), "Squarer")?;
        by_the_parent_after(run, &format!("parent got {}", x * x * by), at)?;
    }
    let total: u64 = jobs.iter().map(|x| x * x * by).sum();
    let at = by_the_child(run, &format!("child: total {total}"), "Squarer")?;
    by_the_parent_after(run, &format!("total from the child: {total}"), at)
}

fn the_end_marker(run: &Run) -> Result<(), Problem> {
    over_the_pipe(run, &[2, 3, 4], 1)?;
    ended_with_its_workers(run)
}

/// The checker's call, with its own `serve`: its child prints the number it multiplies each square
/// by, drawn in the child, so a parent that prints squares it worked out itself is caught.
fn square_over_a_pipe_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let jobs: Vec<u64> = (0..n[0] as u64).map(|i| n[1] as u64 + i * 7).collect();
    let head = "the checker's child multiplies by ";
    let Some(by) = run
        .events_of_kind(Kind::Say)
        .into_iter()
        .find(|e| e.process == "Squarer" && e.msg.starts_with(head))
        .and_then(|e| e.msg[head.len()..].parse::<u64>().ok())
    else {
        return Err(Problem::new(
            "검사기의 `serve`가 자식 'Squarer'에서 돌지 않았습니다. 받은 `serve`를 그 자식의 target으로 주세요.",
            "the checker's `serve` never ran in the child 'Squarer': give the `serve` you were handed to that child as its target.",
        ));
    };
    over_the_pipe(run, &jobs, by)?;
    let want = jobs.iter().map(|x| x * x * by).sum::<u64>() as i64;
    let got = result(run)?;
    if got != want {
        return Err(wrong_result(
            got,
            want,
            "자식이 보낸 합을 돌려주세요.",
            "return the total the child sent.",
        ));
    }
    Ok(())
}

/// Each "child k wrote its slice" by a child process; main's "array: [...]" holds, in slice k,
/// that child's PID, written by that child into shared memory (its own count of shared writes
/// says so: PIDs filled in by the parent after the children printed are caught).
fn slices_filled(run: &Run, children: usize, width: usize) -> Result<(), Problem> {
    let mut want = Vec::new();
    let mut pids = Vec::new();
    for k in 0..children {
        let wrote = format!("child {k} wrote its slice");
        let by = printed_by(run, &wrote)?;
        if by.pid == run.pid {
            return Err(Problem::new(
                format!(
                    "{} 자식이 아니라 main 프로세스가 찍었습니다.",
                    with(&format!("'{wrote}'"), Josa::EulReul)
                ),
                format!("'{wrote}' was printed by the main process, not by a child."),
            ));
        }
        want.extend(std::iter::repeat_n(by.pid.to_string(), width));
        pids.push(by.pid);
    }
    let want = format!("array: [{}]", want.join(", "));
    let Some(got) = run.stdout.iter().find(|l| l.starts_with("array: ")) else {
        return Err(never_printed("array: [...]"));
    };
    if *got != want {
        let zeros = got
            .trim_start_matches("array: [")
            .trim_end_matches(']')
            .split(", ")
            .all(|v| v == "0");
        let (ko, en) = if zeros {
            (
                "부모의 배열은 0뿐입니다. 자식마다 자기 복사본에 썼습니다(fork가 복사함). 공유 메모리의 Array에 쓰세요.",
                "the parent's array is all 0: each child wrote to its own copy (fork copies). Write to a shared-memory Array.",
            )
        } else {
            (
                "구간 k에는 자식 k의 PID가 있어야 합니다.",
                "slice k must hold the PID of child k.",
            )
        };
        return Err(Problem::new(
            format!(
                "{} 찍혀야 하는데 {} 찍혔습니다. {ko}",
                with(&format!("'{want}'"), Josa::IGa),
                with(&format!("'{got}'"), Josa::IGa)
            ),
            format!("'{want}' was expected; '{got}' was printed: {en}"),
        ));
    }
    if printed_by(run, &want)?.pid != run.pid {
        return Err(Problem::new(
            "배열은 main 프로세스가 찍어야 합니다.",
            "the array is printed by the main process.",
        ));
    }
    for (k, pid) in pids.into_iter().enumerate() {
        let wrote = shared_accesses(run, pid);
        if wrote < width as u64 {
            return Err(Problem::new(
                format!(
                    "자식 {k}의 공유 메모리 쓰기는 {wrote}번뿐인데 구간은 {width}칸입니다. 자기 PID는 부모가 대신 쓰지 말고 자식이 직접 Array에 쓰게 하세요."
                ),
                format!(
                    "child {k} wrote to shared memory {wrote} times, but its slice has {width} items: the child writes its PID into the Array itself, not the parent after it."
                ),
            ));
        }
    }
    Ok(())
}

fn each_its_own_slice(run: &Run) -> Result<(), Problem> {
    slices_filled(run, 3, 2)?;
    ended_with_its_workers(run)
}

fn fill_in_slices_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    slices_filled(run, n[0] as usize, n[1] as usize)
}

/// The check of each exercise of this part, and the checker's call of its function if it has
/// one.
pub(super) fn mechanism(package: &str) -> Option<(Check, Option<Probe>)> {
    Some(match package {
        "share-a-dict" => (
            share_a_dict,
            Some(Probe {
                bin: "check-21",
                signature: "pub fn record_pids(children: usize) -> Vec<(String, u32)>",
                args: &[(2, 6)],
                names: &[["자식", "children"]],
                check: record_pids_call,
                late_starts: true,
            }),
        ),
        "drain-the-queue" => (
            drain_the_queue,
            Some(Probe {
                bin: "check-18",
                signature: "pub fn drain(producers: usize, items: u32, produce: impl Fn(IpcSender<String>, u32) + Copy + 'static) -> usize",
                // Producers, items each: at least 600 items, more than twice what a queue's
                // buffer holds before a put waits (278 small items on a socketpair here), so
                // producers joined before the queue is drained never end (Python's rule).
                args: &[(2, 5), (300, 400)],
                names: &[["생산자", "producers"], ["생산자마다 물건", "items each"]],
                check: drain_call,
                late_starts: true,
            }),
        ),
        "the-end-marker" => (
            the_end_marker,
            Some(Probe {
                bin: "check-19",
                signature: "pub fn square_over_a_pipe(jobs: &[u64], serve: impl Fn(Connection) + Copy + 'static) -> u64",
                // Jobs, the first job.
                args: &[(2, 8), (5, 60)],
                names: &[["일", "jobs"], ["첫 일", "the first job"]],
                check: square_over_a_pipe_call,
                late_starts: true,
            }),
        ),
        "each-its-own-slice" => (
            each_its_own_slice,
            Some(Probe {
                bin: "check-20",
                signature: "pub fn fill_in_slices(children: usize, width: usize) -> Vec<i32>",
                // Children, the width of a slice.
                args: &[(2, 5), (1, 4)],
                names: &[["자식", "children"], ["구간 너비", "width of a slice"]],
                check: fill_in_slices_call,
                late_starts: true,
            }),
        ),
        _ => return None,
    })
}
