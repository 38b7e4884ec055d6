//! Reading a finished run: what it printed, who printed it (from the trace), what a call returned;
//! each answer a `Problem` in the learner's words when it is not what the exercise needs.

use super::Problem;
use crate::korean::{Josa, with};
use harness::{Event, Kind, Run};

pub(super) fn numbers(args: &[String]) -> Vec<i64> {
    args.iter().map(|a| a.parse().unwrap_or(0)).collect()
}

/// What the checker's own producer put (`put`, its "put <thing>" line; the thing carries a number
/// drawn where it was put) printed as "got <thing>" exactly once by the receiver (its name in
/// Korean and English; `by` tells its lines): it came off the channel, queue or pipe, for only
/// there could it be read.
pub(super) fn got_once(
    run: &Run,
    put: &Event,
    [receiver_ko, receiver]: [&str; 2],
    by: impl Fn(&Event) -> bool,
) -> Result<(), Problem> {
    let got = format!("got {}", &put.msg["put ".len()..]);
    let quoted = format!("'{got}'");
    let printed = run
        .events_of_kind(Kind::Say)
        .into_iter()
        .filter(|e| e.msg == got && by(e))
        .count();
    if printed == 0 {
        return Err(Problem::new(
            format!(
                "{} {} 찍지 않았습니다. 그것에는 넣은 쪽이 뽑은 번호가 붙어 있어서, 받아야만 찍을 수 있습니다.",
                with(receiver_ko, Josa::IGa),
                with(&quoted, Josa::EulReul)
            ),
            format!(
                "{receiver} never printed {quoted}: it carries a number drawn where it was put, which can be printed only by taking it off the channel, queue or pipe."
            ),
        )
        .missing());
    }
    if printed > 1 {
        return Err(Problem::new(
            format!(
                "{} {printed}번 찍혔습니다. 하나에 한 번입니다.",
                with(&quoted, Josa::IGa)
            ),
            format!("{quoted} was printed {printed} times: once each."),
        ));
    }
    Ok(())
}

pub(super) fn line(run: &Run, text: &str) -> Option<usize> {
    run.stdout.iter().position(|l| l == text)
}

/// `want` was not printed: with what was printed in its place (a line that begins the same
/// way, up to its first `:`), if anything was.
pub(super) fn expected(run: &Run, want: &str) -> Problem {
    let head = want.split_once(':').map_or(want, |(head, _)| head);
    let instead = run
        .stdout
        .iter()
        .find(|l| *l != want && l.starts_with(head) && head.len() >= 4);
    match instead {
        Some(got) => Problem::new(
            format!(
                "{} 찍혀야 하는데 {} 찍혔습니다.",
                with(&format!("'{want}'"), Josa::IGa),
                with(&format!("'{got}'"), Josa::IGa)
            ),
            format!("'{want}' was expected; '{got}' was printed."),
        ),
        None => never_printed(want),
    }
}

pub(super) fn never_printed(text: &str) -> Problem {
    let quoted = format!("'{text}'");
    Problem::new(
        format!("{} 찍히지 않았습니다.", with(&quoted, Josa::IGa)),
        format!("{quoted} was never printed."),
    )
    .missing()
}

/// How many times the child `pid` read or wrote a shared `Value` or `Array` or called a proxy,
/// from its own `process_exit` (0 when it wrote none: killed, or not started by `common`).
pub(super) fn shared_accesses(run: &Run, pid: u32) -> u64 {
    run.events_of_kind(Kind::ProcessExit)
        .into_iter()
        .find_map(|e| (e.pid == pid).then_some(e.shared).flatten())
        .unwrap_or(0)
}

/// How many of the child `pid`'s calls through a manager's proxy wrote (a dict's `set`, a list's
/// `append`), from its own `process_exit` (0 when it wrote none, or was killed).
pub(super) fn proxy_writes(run: &Run, pid: u32) -> u64 {
    run.events_of_kind(Kind::ProcessExit)
        .into_iter()
        .find_map(|e| (e.pid == pid).then_some(e.proxy_writes).flatten())
        .unwrap_or(0)
}

/// Who printed `text` (the first line equal to it), from the trace. A line printed with
/// `println!` is not in the trace: which thread or process printed it cannot be seen.
pub(super) fn printed_by<'a>(run: &'a Run, text: &str) -> Result<&'a Event, Problem> {
    if let Some(event) = run
        .events_matching(harness::exact(text))
        .into_iter()
        .find(|e| e.kind == Kind::Say)
    {
        return Ok(event);
    }
    if line(run, text).is_some() {
        let quoted = format!("'{text}'");
        return Err(Problem::new(
            format!(
                "{} `println!`으로 찍혀서 어느 스레드나 프로세스가 찍었는지 확인할 수 없습니다. 이 연습은 그것을 확인하므로 `say!`로 찍으세요.",
                with(&quoted, Josa::IGa)
            ),
            format!(
                "{quoted} was printed with `println!`, so the checker cannot see which thread or process printed it; this exercise checks that: print it with `say!`."
            ),
        ));
    }
    Err(never_printed(text))
}

/// One line, printed once, by a thread whose name begins with `by`.
pub(super) fn once_by(run: &Run, text: &str, by: &str) -> Result<usize, Problem> {
    let quoted = format!("'{text}'");
    let count = run.stdout.iter().filter(|l| **l == text).count();
    if count != 1 {
        let problem = Problem::new(
            format!(
                "{} 한 번이 아니라 {count}번 찍혔습니다.",
                with(&quoted, Josa::IGa)
            ),
            format!("{quoted} was printed {count} times, not once."),
        );
        return Err(if count == 0 {
            problem.missing()
        } else {
            problem
        });
    }
    let thread = &printed_by(run, text)?.thread;
    if !thread.starts_with(by) {
        let (who_ko, who_en) = if by == "main" {
            ("main 스레드가".to_owned(), "the main thread".to_owned())
        } else {
            (
                format!("이름이 '{}…'인 스레드가", by.trim_end()),
                format!("a thread named '{}…'", by.trim_end()),
            )
        };
        return Err(Problem::new(
            format!(
                "{} '{thread}' 스레드가 찍었습니다. {who_ko} 찍어야 합니다.",
                with(&quoted, Josa::EulReul)
            ),
            format!("{quoted} was printed by '{thread}', not by {who_en}."),
        ));
    }
    Ok(line(run, text).unwrap_or(0))
}
