//! 07 and 08: a map in the pool, a ping-pong over a pipe.

use super::*;

pub(super) fn map_in_the_pool_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    for x in 1..=n[0] {
        let computing = format!("computing {x}");
        let by = printed_by(run, &computing)?;
        if by.pid == run.pid || !by.process.starts_with("ForkPoolWorker-") {
            return Err(Problem::new(
                format!(
                    "검사기의 함수로 {} 풀의 작업 프로세스가 아니라 '{}'에서 계산했습니다. `pool.map`에 함수를 넘기세요.",
                    with(&format!("항목 {x}"), Josa::EulReul),
                    by.process
                ),
                format!(
                    "the checker's function computed item {x} in '{}', not in a pool worker: hand the function to `pool.map`.",
                    by.process
                ),
            ));
        }
    }
    tasks_overlapped(
        run,
        [
            "`pool.map`에 항목을 한꺼번에 넘기세요. 풀이 작업 프로세스에 나눠 맡깁니다.",
            "hand `pool.map` all the items at once, and the pool shares them out among its workers.",
        ],
    )?;
    // One pool for all the items: a new pool for each batch throws its workers away (the second
    // blind review's, which passed).
    crate::exercises::pool::one_pool(
        run,
        [
            "풀 하나를 만들어 `pool.map`에 항목을 모두 넘기세요.",
            "make one pool and hand `pool.map` all the items.",
        ],
    )?;
    let want: Vec<i64> = (1..=n[0]).map(|x| x * n[1] + 1).collect();
    returned(
        run,
        args,
        &want,
        [
            "항목의 순서대로 돌려주세요.",
            "return them in the items' order.",
        ],
    )
}

pub(super) fn map_in_the_pool(run: &Seen) -> Result<(), Problem> {
    let want = "results: [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]";
    line(run, want).ok_or_else(|| expected(run, want))?;
    let workers = run
        .events_of_kind(Kind::ProcessExit)
        .into_iter()
        .filter(|e| e.process.starts_with("ForkPoolWorker-"))
        .count();
    if workers == 0 {
        return Err(Problem::new(
            "풀의 작업 프로세스가 하나도 돌지 않았습니다. `Pool::map`으로 계산하세요.",
            "no pool worker ran: compute with `Pool::map`.",
        ));
    }
    Ok(())
}

pub(super) fn ping_pong(run: &Seen) -> Result<(), Problem> {
    // Whether the child read at all comes first: a child that never reads may also print its
    // lines out of turn, and the refusal should name what it skipped.
    the_child_read_its_pings(run, 5)?;
    rounds_over_the_pipe(run, 5, "")
}

/// The child took each ping off the pipe (the count of messages its `process_exit` carries): a
/// child that prints "child got ping i" from a counter of its own, never reading, is caught.
fn the_child_read_its_pings(run: &Seen, rounds: u64) -> Result<(), Problem> {
    let child = (run.events_of_kind(Kind::ProcessExit).into_iter())
        .find(|e| e.process == "SubProcess" && e.ppid == run.pid && e.received.is_some());
    match child.and_then(|e| e.received) {
        Some(got) if got < rounds => Err(Problem::new(
            format!(
                "자식 'SubProcess'가 파이프에서 핑을 {rounds}번 받아야 하는데 {got}번 받았습니다. 'child got ping i'는 받은 핑을 찍어야 합니다(스스로 센 번호가 아니라). 자식에서 `recv`로 받으세요."
            ),
            format!(
                "the child 'SubProcess' must take {rounds} pings off the pipe; it took {got}. 'child got ping i' prints the ping it received, not a number it counted itself: receive them in the child with `recv`."
            ),
        )),
        _ => Ok(()),
    }
}

/// The checker's call, with its own `answer`: its child prints the number it signs each pong
/// with, drawn in the child, so a parent that prints pongs it made up itself is caught.
pub(super) fn ping_pong_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let rounds = numbers(args)[0] as usize;
    let head = "the checker's child signs with ";
    let Some(signed) = run
        .events_of_kind(Kind::Say)
        .into_iter()
        .find(|e| e.process == "SubProcess" && e.msg.starts_with(head))
        .map(|e| format!(" {}", &e.msg[head.len()..]))
    else {
        return Err(Problem::new(
            "검사기의 `answer`가 자식 'SubProcess'에서 돌지 않았습니다. 받은 `answer`를 그 자식의 target으로 주세요.",
            "the checker's `answer` never ran in the child 'SubProcess': give the `answer` you were handed to that child as its target.",
        ));
    };
    rounds_over_the_pipe(run, rounds, &signed)?;
    let [right, sent] = match found(run, args)? {
        Found::Numbers(n) if n.len() == 2 => [n[0], n[1]],
        other => return Err(unexpected(&other)),
    };
    if right == sent {
        return Ok(());
    }
    Err(Problem::new(
        format!(
            "검사기가 배우는 사람의 `answer`에 번호를 뽑은 핑 {sent}개('ping 137'처럼)를 보냈는데, 그 번호를 단 퐁은 {right}개뿐입니다. 퐁의 번호는 세어서 붙이지 말고 받은 핑에서 읽어 붙이세요."
        ),
        format!(
            "the checker sent the learner's `answer` {sent} pings with drawn numbers (such as 'ping 137'), and only {right} pongs carried their ping's number: take the number from the ping received, do not count."
        ),
    ))
}

/// `rounds` rounds in order: "child got ping i" printed by the child, then "parent got pong i"
/// (with `signed` after it) by the parent.
pub(super) fn rounds_over_the_pipe(run: &Run, rounds: usize, signed: &str) -> Result<(), Problem> {
    let mut expected = Vec::new();
    for i in 0..rounds {
        expected.push(format!("child got ping {i}"));
        expected.push(format!("parent got pong {i}{signed}"));
    }
    // The checker's child prints what it signs with first.
    let lines = (run.stdout.iter()).filter(|l| !l.starts_with("the checker's child signs"));
    let mut lines = lines.fuse();
    for (at, want) in expected.iter().enumerate() {
        match lines.next() {
            Some(got) if got == want => {}
            Some(got) => {
                return Err(Problem::new(
                    format!(
                        "{}번째 줄이 '{want}'가 아니라 '{got}'입니다. 한 번 주고받은 뒤에 다음으로 가야 합니다.",
                        at + 1
                    ),
                    format!(
                        "line {} is '{got}', not '{want}': each round must finish before the next.",
                        at + 1
                    ),
                ));
            }
            None => return Err(never_printed(want)),
        }
    }
    for i in 0..rounds {
        let ping = format!("child got ping {i}");
        let pong = format!("parent got pong {i}{signed}");
        if printed_by(run, &ping)?.pid == run.pid || printed_by(run, &pong)?.pid != run.pid {
            return Err(Problem::new(
                "핑은 자식 프로세스가, 퐁은 부모가 받아서 찍어야 합니다.",
                "the pings must be received and printed by the child, the pongs by the parent.",
            ));
        }
    }
    Ok(())
}
