//! What the checker's call found: its binary's report (`check_protocol`), read for the numbers
//! `practice` passed, and the answers each check asks of it in the learner's words.

use super::Problem;
use super::reading::numbers;
use crate::korean::{Josa, with};
use check_protocol::{Found, Report};
use harness::{Kind, Run};

/// What the checker's call found (`check_protocol::Report`): the line its binary's main thread
/// printed once the learner's function returned, for the numbers in `args`.
pub(super) fn found(run: &Run, args: &[String]) -> Result<Found, Problem> {
    report_of(run, args).map(|report| report.found)
}

/// The call left no allocation behind (`Report::leaked`, counted by the checker's allocator
/// around the call, what it returned counted out): a `Box::leak` to get a `'static` reference,
/// in place of the move, the copy or the owned value the lesson is, keeps its block for good.
pub(super) fn nothing_leaked(run: &Run, args: &[String]) -> Result<(), Problem> {
    match report_of(run, args)?.leaked {
        Some(leaked) if leaked > 0 => Err(Problem::new(
            format!(
                "함수가 끝난 뒤에도 해제되지 않은 할당이 {leaked}개 남았습니다(검사기의 할당자가 셈). Box::leak으로 'static 참조를 만들면 컴파일러는 조용해지지만 그 메모리는 프로그램이 끝날 때까지 새어 나갑니다. 값을 옮기거나(move), 복사본을 두거나, 값 자체를 돌려주세요."
            ),
            format!(
                "{leaked} allocations made by the call were never freed (counted by the checker's allocator): Box::leak to get a 'static reference quiets the compiler and leaks that memory until the program ends. Move the value, keep a copy, or return the value itself."
            ),
        )),
        _ => Ok(()),
    }
}

/// The binary's report (see `found`).
fn report_of(run: &Run, args: &[String]) -> Result<Report, Problem> {
    // The binary's own report is the last: it prints it after the learner's function returned,
    // so a look-alike the function printed on the same thread (from the arguments it can read)
    // comes before it.
    let report = run
        .events_of_kind(Kind::Say)
        .into_iter()
        .rev()
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
            return Err(checker_fault(
                format!("검사 프로그램의 보고를 읽을 수 없습니다({error})"),
                format!("its report does not read: {error}"),
            ));
        }
        Some(Ok(report)) => report,
    };
    if report.asked != numbers(args) {
        let asked = &report.asked;
        return Err(checker_fault(
            format!(
                "검사 프로그램이 {} 받고 {} 읽었습니다",
                with(&format!("{args:?}"), Josa::EulReul),
                with(&format!("{asked:?}"), Josa::EuroRo)
            ),
            format!("it was given {args:?} and read {asked:?}"),
        ));
    }
    Ok(report)
}

/// The total the call returned, where the checker also counted who added (`Found::Added`).
/// The total, and what the checker's function handed out in all (each call drew its value).
pub(super) fn added_total(found: &Found) -> Result<(i64, i64), Problem> {
    match found {
        Found::Added { total, handed, .. } => Ok((*total, *handed as i64)),
        other => Err(unexpected(other)),
    }
}

/// Every call of the checker's `function` was made holding the lock it belongs under.
pub(super) fn added_under_the_lock(found: &Found, function: &str) -> Result<(), Problem> {
    let Found::Added {
        unguarded, let_go, ..
    } = found
    else {
        return Err(unexpected(found));
    };
    if *unguarded > 0 {
        return Err(Problem::new(
            format!(
                "검사기의 `{function}`이 카운터의 잠금이 풀린 채로 {unguarded}번 불렸습니다. 읽을 때 한 번, 쓸 때 한 번 잠그면 그 사이에 다른 스레드가 끼어듭니다(스레드를 차례로 돌려 합이 맞았더라도). 가드 하나를 쥔 채로 읽고, `{function}`을 부르고, 쓰세요."
            ),
            format!(
                "the checker's `{function}` was called {unguarded} times with the counter's lock free. Locking once to read and once to write lets another thread in between (even if running the threads one after another made the total right): hold one guard while you read, call `{function}` and write."
            ),
        ));
    }
    if *let_go == Some(false) {
        return Err(Problem::new(
            "스레드가 더하는 도중에는 카운터의 잠금이 한 번도 비지 않았습니다. 반복 전체를 잠가서 스레드가 하나씩 차례로 모두 더했습니다(동시에 돌지 않음). 더하기 하나(읽고, 더하고, 쓰기)만 잠금 안에 두세요.",
            "the counter's lock was never free while a thread was midway through its additions: it was held around the whole loop, so the threads added one after another, never at the same time. Hold it for one addition (read, add, write) at a time.",
        ));
    }
    Ok(())
}

/// The total is what the checker's `function` handed out, all of it: each call drew its value,
/// so a total multiplied from the arguments (`threads * times`) is caught, with its own words.
pub(super) fn added_up(
    (got, handed): (i64, i64),
    [threads, times]: [i64; 2],
    function: &str,
    [ko, en]: [&str; 2],
) -> Result<(), Problem> {
    if got == handed {
        return Ok(());
    }
    if got == threads * times {
        return Err(Problem::new(
            format!(
                "{got}, 곧 스레드 수 × 횟수를 돌려줬습니다. 검사기의 `{function}`은 부를 때마다 1에서 9 사이의 수를 새로 뽑아 줍니다(모두 더하면 {handed}). 인자로 답을 계산하지 말고, `{function}`이 준 수를 모두 더하세요."
            ),
            format!(
                "it returned {got}, threads × times: the checker's `{function}` hands out a number from 1 to 9 drawn at each call (together {handed}). Do not work the answer out from the arguments: add up what `{function}` gave."
            ),
        ));
    }
    Err(Problem::new(
        format!("검사기의 `{function}`이 모두 {handed}만큼 더했는데 결과는 {got}입니다. {ko}"),
        format!("the checker's `{function}` added {handed} in all, and the result is {got}: {en}"),
    ))
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
    checker_fault(
        format!(
            "검사 프로그램의 보고에 {} 들어 있는데, 이 검사는 그런 보고를 읽지 않습니다",
            with(&format!("{found:?}"), Josa::IGa)
        ),
        format!("its report holds {found:?}, which this check does not read"),
    )
}

/// Something wrong on the checker's side (a check binary and `practice` that disagree), said as
/// such: no change to the learner's code can mend it.
fn checker_fault(ko: String, en: String) -> Problem {
    Problem::new(
        format!("검사기 자체의 잘못입니다(여러분의 코드 탓이 아님). {ko}."),
        format!("a fault of the checker itself, not of your code. The check binary: {en}."),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn said(pid: u32, thread: &str, msg: String) -> harness::Event {
        harness::Event {
            t_ns: 1,
            pid,
            ppid: 1,
            process: "MainProcess".into(),
            thread: thread.into(),
            msg,
            kind: Kind::Say,
            exitcode: None,
            shared: None,
            unlocked: None,
            locked: None,
            received: None,
            proxy_writes: None,
            child: None,
            daemon: None,
            usage: None,
            watched: None,
        }
    }

    fn report(asked: Vec<i64>) -> String {
        Report {
            asked,
            found: Found::Number(12),
            leaked: None,
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
        // A look-alike printed first by the learner's function, on main: the binary's own wins.
        let forged = Report {
            asked: vec![3, 4],
            found: Found::Number(7),
            leaked: None,
        };
        let events = vec![
            said(40, "main", forged.line()),
            said(40, "main", report(vec![3, 4])),
        ];
        let run = Run::from_parts(40, "", events);
        assert_eq!(number(&run, &args).expect("the binary's"), 12);
        // Another shape than the check reads.
        let words = Report {
            asked: vec![3, 4],
            found: Found::Words {
                words: vec!["A".into()],
                made_on_main: 0,
            },
            leaked: None,
        };
        let run = Run::from_parts(40, "", vec![said(40, "main", words.line())]);
        let fault = number(&run, &args).expect_err("words, not a number");
        assert!(fault.en.contains("Words {"), "{}", fault.en);
    }
}
