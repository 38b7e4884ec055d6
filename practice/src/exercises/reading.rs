//! Reading a finished run: what it printed, who printed it (from the trace), what a call returned;
//! each answer a `Problem` in the learner's words when it is not what the exercise needs.

use super::Problem;
use crate::korean::{Josa, with};
use check_protocol::{Found, Report};
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

/// What the checker's call found (`check_protocol::Report`): the line its binary's main thread
/// printed once the learner's function returned, for the numbers in `args`.
pub(super) fn found(run: &Run, args: &[String]) -> Result<Found, Problem> {
    let report = run
        .events_of_kind(Kind::Say)
        .into_iter()
        .filter(|e| e.pid == run.pid && e.thread == "main")
        .find_map(|e| Report::parse(&e.msg));
    let report = match report {
        None => {
            return Err(Problem::new(
                "함수가 끝나서 값을 돌려주지 않았습니다(검사기의 보고 'check: ...'가 찍히지 않음).",
                "it never returned (the checker's report 'check: ...' was never printed).",
            )
            .missing());
        }
        Some(Err(error)) => {
            return Err(checker_fault(&format!("its report does not read: {error}")));
        }
        Some(Ok(report)) => report,
    };
    if report.asked != numbers(args) {
        let fault = format!("it was given {args:?} and read {:?}", report.asked);
        return Err(checker_fault(&fault));
    }
    Ok(report.found)
}

/// The total the call returned, where the checker also counted who added (`Found::Added`).
pub(super) fn added_total(found: &Found) -> Result<i64, Problem> {
    match found {
        Found::Added { total, .. } => Ok(*total),
        other => Err(unexpected(other)),
    }
}

/// The one number the call returned.
pub(super) fn number(run: &Run, args: &[String]) -> Result<i64, Problem> {
    match found(run, args)? {
        Found::Number(n) => Ok(n),
        other => Err(unexpected(&other)),
    }
}

/// The numbers the call returned, which must be `want`, in its order (`ko`, `en`: what to do).
pub(super) fn returned(
    run: &Run,
    args: &[String],
    want: &[i64],
    [ko, en]: [&str; 2],
) -> Result<(), Problem> {
    let got = match found(run, args)? {
        Found::Numbers(got) => got,
        other => return Err(unexpected(&other)),
    };
    if got != want {
        return Err(Problem::new(
            format!(
                "{} 돌려줘야 하는데 {} 돌려줬습니다. {ko}",
                with(&format!("{want:?}"), Josa::EulReul),
                with(&format!("{got:?}"), Josa::EulReul)
            ),
            format!("it must return {want:?} but returned {got:?}. {en}"),
        ));
    }
    Ok(())
}

/// A report of another shape than the check reads: the check binary and its check disagree.
pub(super) fn unexpected(found: &Found) -> Problem {
    checker_fault(&format!(
        "its report holds {found:?}, which this check does not read"
    ))
}

/// Something wrong on the checker's side (a check binary and `practice` that disagree), said as
/// such: no change to the learner's code can mend it.
fn checker_fault(what: &str) -> Problem {
    Problem::new(
        format!("검사기 자체의 잘못입니다(여러분의 코드 탓이 아님). 검사 프로그램: {what}"),
        format!("a fault of the checker itself, not of your code. The check binary: {what}"),
    )
}

pub(super) fn wrong_result(got: i64, want: i64, ko: &str, en: &str) -> Problem {
    Problem::new(
        format!(
            "{} 돌려줘야 하는데 {} 돌려줬습니다. {ko}",
            with(&want.to_string(), Josa::EulReul),
            with(&got.to_string(), Josa::EulReul)
        ),
        format!("it must return {want} but returned {got}. {en}"),
    )
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

/// At least `threads` threads other than the caller each made `times` additions through the
/// checker's `function` (the report's `Found::Added`, from `exercises/checks/adders.rs`): a
/// total worked out on the calling thread, the threads idle, is caught.
pub(super) fn added_by_threads(
    found: &Found,
    [threads, times]: [i64; 2],
    function: &str,
) -> Result<(), Problem> {
    let Found::Added {
        by_others: others,
        by_caller,
        ..
    } = found
    else {
        return Err(unexpected(found));
    };
    let times = times as u64;
    let added = others.iter().filter(|&&c| c >= times).count() as i64;
    if added < threads {
        return Err(Problem::new(
            format!(
                "스레드 {threads}개가 각자 검사기의 `{function}`으로 {times}번 더해야 하는데, 그렇게 더한 스레드는 {added}개입니다(부른 스레드가 더한 것은 {by_caller}번). 합을 부른 스레드에서 구하지 말고, 스레드마다 `{function}`으로 더하게 하세요."
            ),
            format!(
                "{threads} threads must each add {times} times with the checker's `{function}`; {added} did (the calling thread added {by_caller} times): let each thread add with `{function}`, rather than working out the total on the calling thread."
            ),
        ));
    }
    Ok(())
}

/// How many times the child `pid` read or wrote a shared `Value` or `Array` or called a proxy,
/// from its own `process_exit` (0 when it wrote none: killed, or not started by `common`).
pub(super) fn shared_accesses(run: &Run, pid: u32) -> u64 {
    run.events_of_kind(Kind::ProcessExit)
        .into_iter()
        .find_map(|e| (e.pid == pid).then_some(e.shared).flatten())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn said(pid: u32, thread: &str, msg: String) -> Event {
        Event {
            t_ns: 1,
            pid,
            ppid: 1,
            process: "MainProcess".into(),
            thread: thread.into(),
            msg,
            kind: Kind::Say,
            exitcode: None,
            shared: None,
        }
    }

    fn report(asked: Vec<i64>) -> String {
        Report {
            asked,
            found: Found::Number(12),
        }
        .line()
    }

    /// A report is read only from the binary's main thread, and only for the numbers it was given.
    #[test]
    fn a_report_is_taken_for_the_numbers_given_and_from_main() {
        let args = ["3", "4"].map(String::from);
        let run = Run::from_parts(40, "", vec![said(40, "main", report(vec![3, 4]))]);
        assert_eq!(found(&run, &args).expect("read"), Found::Number(12));
        assert_eq!(number(&run, &args).expect("a number"), 12);
        // The binary read other numbers than it was given: the checker's fault, said so.
        let run = Run::from_parts(40, "", vec![said(40, "main", report(vec![4, 3]))]);
        let fault = found(&run, &args).expect_err("another asked");
        assert!(
            fault.en.starts_with("a fault of the checker itself"),
            "{}",
            fault.en
        );
        // A look-alike printed by another thread, or by a child process, is not the report.
        for (pid, thread) in [(40, "worker"), (41, "main")] {
            let run = Run::from_parts(40, "", vec![said(pid, thread, report(vec![3, 4]))]);
            let problem = found(&run, &args).expect_err("not the report");
            assert!(
                problem.en.starts_with("it never returned"),
                "{}",
                problem.en
            );
        }
        // Another shape than the check reads.
        let words = Report {
            asked: vec![3, 4],
            found: Found::Words(vec!["A".into()]),
        };
        let run = Run::from_parts(40, "", vec![said(40, "main", words.line())]);
        let fault = number(&run, &args).expect_err("words, not a number");
        assert!(fault.en.contains("Words([\"A\"])"), "{}", fault.en);
    }
}
