//! A pipe that carries jobs and their squares to an end marker, and an Array that each child fills its own slice of.

use super::*;

/// A line printed once, by the child process `child`; where it is.
pub(super) fn by_the_child(run: &Run, text: &str, child: &str) -> Result<usize, Problem> {
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
pub(super) fn by_the_parent_after(run: &Run, text: &str, after: usize) -> Result<(), Problem> {
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
pub(super) fn over_the_pipe(run: &Run, jobs: &[u64], by: u64, extra: u64) -> Result<(), Problem> {
    for x in jobs {
        let at = by_the_child(run, &format!("child squared {x}"), "Squarer")?;
        by_the_parent_after(run, &format!("parent got {}", x * x * by), at)?;
    }
    let total: u64 = jobs.iter().map(|x| x * x * by).sum::<u64>() + extra;
    let at = by_the_child(run, &format!("child: total {total}"), "Squarer")?;
    by_the_parent_after(run, &format!("total from the child: {total}"), at)
}

pub(super) fn the_end_marker(run: &Seen) -> Result<(), Problem> {
    over_the_pipe(run, &[2, 3, 4], 1, 0)?;
    ended_with_its_workers(run)
}

/// The checker's call, with its own `serve`: its child prints the number it multiplies each square
/// by, drawn in the child, so a parent that prints squares it worked out itself is caught.
pub(super) fn square_over_a_pipe_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
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
    let adds = "the checker's child adds ";
    let extra = (run.events_of_kind(Kind::Say).into_iter())
        .find(|e| e.process == "Squarer" && e.msg.starts_with(adds))
        .and_then(|e| e.msg[adds.len()..].split(' ').next()?.parse::<u64>().ok())
        .unwrap_or(0);
    let answers: u64 = jobs.iter().map(|x| x * x * by).sum();
    if extra > 0 && line(run, &format!("total from the child: {answers}")).is_some() {
        return Err(Problem::new(
            format!(
                "부모가 'total from the child: {answers}'를 찍었습니다. 받은 답을 스스로 더한 값입니다. 검사기의 자식은 합에 {extra}를 더 더해 보내므로, 자식이 보낸 합은 {}입니다. 끝 표시를 보낸 뒤 자식의 합을 파이프로 받아 찍으세요.",
                answers + extra
            ),
            format!(
                "the parent printed 'total from the child: {answers}', the answers added up by itself: the checker's child adds {extra} to the total it sends, {}. After the end marker, receive the child's total over the pipe and print that.",
                answers + extra
            ),
        ));
    }
    over_the_pipe(run, &jobs, by, extra)?;
    let want = (jobs.iter().map(|x| x * x * by).sum::<u64>() + extra) as i64;
    let [got, served, served_want] = match found(run, args)? {
        Found::Numbers(n) if n.len() == 3 => [n[0], n[1], n[2]],
        other => return Err(unexpected(&other)),
    };
    if got != want {
        return Err(wrong_result(
            got,
            want,
            "자식이 보낸 합을 돌려주세요.",
            "return the total the child sent.",
        ));
    }
    if served != served_want {
        return Err(Problem::new(
            format!(
                "검사기가 `serve`에 4에서 9개 사이로 뽑은 일을 보내고 끝 표시 None을 보냈는데, 제곱의 합 {served_want}을 답하지 않았습니다{}. 일의 개수를 세지 말고, None을 받을 때 멈추고 그때 합을 답하세요.",
                if served < 0 {
                    "(도중에 멈추거나 틀린 답을 함)"
                } else {
                    ""
                }
            ),
            format!(
                "the checker sent `serve` 4 to 9 jobs, drawn, then the end marker None, and it did not answer the sum of the squares, {served_want}{}: do not count the jobs; stop when None arrives, and answer the total then.",
                if served < 0 {
                    " (it stopped early or answered wrong)"
                } else {
                    ""
                }
            ),
        ));
    }
    Ok(())
}

/// Each "child k wrote its slice" by a child process; main's array (`got`, as "array: [...]")
/// holds, in slice k, that child's PID, written by that child into shared memory (its own count
/// of shared writes says so: PIDs filled in by the parent after the children printed are caught).
pub(super) fn slices_filled(
    run: &Run,
    children: usize,
    width: usize,
    got: Option<&str>,
) -> Result<(), Problem> {
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
    let Some(got) = got else {
        return Err(never_printed("array: [...]"));
    };
    if got != want {
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
        // Its writes made holding no shared Lock (its own `process_exit` counts them).
        let free = (run.events_of_kind(Kind::ProcessExit).into_iter())
            .find_map(|e| (e.pid == pid).then_some(e.unlocked).flatten())
            .unwrap_or(0);
        if free < width as u64 {
            return Err(Problem::new(
                format!(
                    "자식 {k}가 자기 구간을 잠금(Lock)을 쥔 채로 썼습니다. 자식마다 자기 구간에만 쓰므로 잠글 것이 없습니다. 잠금은 자식들을 하나씩 차례로 쓰게 할 뿐입니다. 잠금 없이 쓰세요."
                ),
                format!(
                    "child {k} wrote its slice holding a Lock: each child writes only its own slice, so there is nothing to lock, and a lock only makes the children write one after another. Write without one."
                ),
            ));
        }
    }
    Ok(())
}

pub(super) fn each_its_own_slice(run: &Seen) -> Result<(), Problem> {
    let array = run.stdout.iter().find(|l| l.starts_with("array: "));
    slices_filled(run, 3, 2, array.map(String::as_str))?;
    if let Some(array) = array
        && printed_by(run, array)?.pid != run.pid
    {
        return Err(Problem::new(
            "배열은 main 프로세스가 찍어야 합니다.",
            "the array is printed by the main process.",
        ));
    }
    ended_with_its_workers(run)
}

pub(super) fn fill_in_slices_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let array = match found(run, args)? {
        Found::Numbers(array) => format!("array: {array:?}"),
        other => return Err(unexpected(&other)),
    };
    slices_filled(run, n[0] as usize, n[1] as usize, Some(&array))?;
    // The call holds child 0's line back: children started side by side are alive together.
    if most_processes_at_once(run, "Process-") >= 2 {
        return Ok(());
    }
    Err(Problem::new(
        "자식 프로세스들이 한 번도 동시에 돌지 않았습니다. 검사기가 자식 0을 붙잡아 둔 동안 다른 자식은 시작하지 않았습니다. 한 반복 안에서 start와 join을 하면(파이썬의 `p.start(); p.join()`) 하나씩 차례로 돕니다. 모두 시작한 뒤에 join하세요.",
        "the child processes never ran at the same time: while the checker held child 0 back, no other child started. Starting and joining in one loop (Python's `p.start(); p.join()`) runs them one by one: start them all, then join.",
    ))
}
