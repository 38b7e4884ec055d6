//! The exercises that start as a case the compiler refuses (`refused/`): once the learner makes
//! them compile the Rust way, what they do is checked.

use super::*;

/// Each "adder t: <part>" printed once, by the thread "adder t", with the sum of the items from
/// the t-th on, `adders` apart.
fn parts_added(run: &Run, items: &[u64], adders: usize) -> Result<(), Problem> {
    for t in 0..adders {
        let part: u64 = items.iter().skip(t).step_by(adders).sum();
        once_by(run, &format!("adder {t}: {part}"), &format!("adder {t}"))?;
    }
    Ok(())
}

fn arc_not_rc(run: &Run) -> Result<(), Problem> {
    let items: Vec<u64> = (1..=100).collect();
    parts_added(run, &items, 4)?;
    line(run, "total: 5050").ok_or_else(|| expected(run, "total: 5050"))?;
    Ok(())
}

fn sum_in_threads_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let items: Vec<u64> = (1..=n[0] as u64).map(|i| i * n[2] as u64).collect();
    parts_added(run, &items, n[1] as usize)?;
    let (got, want) = (result(run)?, items.iter().sum::<u64>() as i64);
    if got != want {
        return Err(wrong_result(
            got,
            want,
            "부분합을 모두 더해 돌려주세요.",
            "return the sum of the parts.",
        ));
    }
    Ok(())
}

/// Each entry printed once by its writer's thread as it was written; "writer w done" by that
/// thread after its entries.
fn written(run: &Run, writers: usize, entries: usize) -> Result<(), Problem> {
    for w in 0..writers {
        let done = once_by(run, &format!("writer {w} done"), &format!("writer {w}"))?;
        for e in 0..entries {
            let entry = format!("writer {w} entry {e}");
            if once_by(run, &entry, &format!("writer {w}"))? > done {
                return Err(Problem::new(
                    format!(
                        "{} 'writer {w} done'보다 뒤에 찍혔습니다.",
                        with(&format!("'{entry}'"), Josa::IGa)
                    ),
                    format!("'{entry}' came after 'writer {w} done'."),
                ));
            }
        }
    }
    Ok(())
}

/// Each entry written, and printed by main from the returned log ("log: ..."), once.
fn logged(run: &Run, writers: usize, entries: usize) -> Result<(), Problem> {
    written(run, writers, entries)?;
    for w in 0..writers {
        for e in 0..entries {
            once_by(run, &format!("log: writer {w} entry {e}"), "main")?;
        }
    }
    let count = format!("{} entries", writers * entries);
    line(run, &count).ok_or_else(|| expected(run, &count))?;
    Ok(())
}

fn mutex_not_refcell(run: &Run) -> Result<(), Problem> {
    logged(run, 3, 4)
}

fn log_from_threads_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    written(run, n[0] as usize, n[1] as usize)?;
    let want = n[0] * n[1];
    let (got, found) = (
        result(run)?,
        run.stdout
            .iter()
            .find_map(|l| l.strip_prefix("the expected entries found: "))
            .and_then(|f| f.parse::<i64>().ok())
            .unwrap_or(-1),
    );
    if got != want || found != want {
        return Err(Problem::new(
            format!(
                "기록에 항목이 {want}개(서로 다른 것) 있어야 하는데 {got}개가 있고, 그중 맞는 것은 {found}개입니다. 잠금을 쥔 채로 적으세요."
            ),
            format!(
                "the log must hold {want} distinct entries; it holds {got}, of which {found} are the expected ones. Write while holding the lock."
            ),
        ));
    }
    Ok(())
}

/// "<name> works in SubProcess" printed by a child process of that name; then, after it,
/// "parent: <name> finished" by the main process.
fn worked_in_a_child(run: &Run, name: &str) -> Result<(), Problem> {
    let works = format!("{name} works in SubProcess");
    let child = printed_by(run, &works)?;
    if child.pid == run.pid || child.process != "SubProcess" {
        return Err(Problem::new(
            format!(
                "{} 자식 프로세스 'SubProcess'가 아니라 '{}'가 찍었습니다.",
                with(&format!("'{works}'"), Josa::EulReul),
                child.process
            ),
            format!(
                "'{works}' was printed by '{}', not by the child process 'SubProcess'.",
                child.process
            ),
        ));
    }
    let finished = format!("parent: {name} finished");
    let parent = printed_by(run, &finished)?;
    if parent.pid != run.pid {
        return Err(Problem::new(
            format!(
                "{} 부모가 아니라 자식이 찍었습니다.",
                with(&format!("'{finished}'"), Josa::EulReul)
            ),
            format!("'{finished}' was printed by the child, not by the parent."),
        ));
    }
    if line(run, &finished) < line(run, &works) {
        return Err(Problem::new(
            format!(
                "{} 자식의 줄보다 먼저 찍혔습니다. 자식을 기다리세요(join).",
                with(&format!("'{finished}'"), Josa::IGa)
            ),
            format!("'{finished}' came before the child's line: wait for the child (join)."),
        ));
    }
    Ok(())
}

fn keep_a_copy(run: &Run) -> Result<(), Problem> {
    worked_in_a_child(run, "bob")
}

fn start_worker_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    worked_in_a_child(run, &format!("worker{}", args[0]))
}

/// For each word, "shouter i: WORD" printed by the thread "shouter i", and the result in order.
fn shouted(run: &Run, words: &[String], prefix: &str) -> Result<(), Problem> {
    let mut previous = 0;
    for (i, word) in words.iter().enumerate() {
        let loud = word.to_uppercase();
        let said = once_by(
            run,
            &format!("shouter {i}: {loud}"),
            &format!("shouter {i}"),
        )?;
        let got = format!("{prefix}{loud}");
        let at = once_by(run, &got, "main")?;
        if at < said || at < previous {
            return Err(Problem::new(
                format!(
                    "{} 제자리에 찍히지 않았습니다. 결과를 낱말의 순서대로, 스레드가 돌려준 뒤에 찍으세요.",
                    with(&format!("'{got}'"), Josa::IGa)
                ),
                format!(
                    "'{got}' is out of place: print the results in the words' order, after the threads returned them."
                ),
            ));
        }
        previous = at;
    }
    Ok(())
}

fn return_what_you_own(run: &Run) -> Result<(), Problem> {
    let words = ["hello", "from", "threads"].map(String::from);
    shouted(run, &words, "main got ")
}

fn shout_all_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let words: Vec<String> = (0..n[0]).map(|i| format!("w{}q", n[1] + i)).collect();
    shouted(run, &words, "result: ")
}

/// Each "visitor t done" by its own thread; the total exact.
fn visits_counted(run: &Run, visitors: usize, total: &str, want: u64) -> Result<(), Problem> {
    for t in 0..visitors {
        once_by(run, &format!("visitor {t} done"), &format!("visitor {t}"))?;
    }
    let got = run
        .stdout
        .iter()
        .find_map(|l| l.strip_prefix(total))
        .ok_or_else(|| never_printed(&format!("{total}...")))?;
    if got != want.to_string() {
        return Err(Problem::new(
            format!(
                "방문 수는 {got}, 맞는 값은 {want}입니다. 방문을 잃었습니다. 더하기가 쪼개지지 않는 atomic을 쓰세요."
            ),
            format!(
                "the total is {got}, not {want}: visits were lost. Use an atomic, whose addition is indivisible."
            ),
        ));
    }
    Ok(())
}

fn an_atomic_global(run: &Run) -> Result<(), Problem> {
    visits_counted(run, 2, "visits: ", 4_000_000)
}

fn count_visits_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let want = (n[0] * n[1]) as u64;
    visits_counted(run, n[0] as usize, "result: ", want)?;
    // The global itself, as the checker read it after the call (its `Debug`: an atomic's or a
    // mutex's number): a total worked out without it (visitors times visits) leaves it 0.
    let held = run
        .stdout
        .iter()
        .find_map(|l| l.strip_prefix("VISITS: "))
        .ok_or_else(|| never_printed("VISITS: ..."))?;
    let number: String = held
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    if number != want.to_string() {
        return Err(Problem::new(
            format!(
                "함수는 {} 돌려줬지만 전역 `VISITS`에는 {} 들어 있습니다. 방문자 스레드가 전역 카운터에 직접 더해야 합니다.",
                with(&want.to_string(), Josa::EulReul),
                with(held, Josa::IGa)
            ),
            format!(
                "the function returned {want}, but the global `VISITS` holds {held}: the visitor threads must add to the global counter itself."
            ),
        ));
    }
    Ok(())
}

/// The check of each exercise of this part, and the checker's call of its function if it has
/// one.
pub(super) fn mechanism(package: &str) -> Option<(Check, Option<Probe>)> {
    Some(match package {
        "arc-not-rc" => (
            arc_not_rc,
            Some(Probe {
                bin: "check-31",
                signature: "pub fn sum_in_threads(items: Vec<u64>, adders: usize) -> u64",
                // The list's length, adders, the factor of its items.
                args: &[(10, 60), (2, 5), (2, 9)],
                names: &[
                    ["목록 길이", "length of the list"],
                    ["더하는 스레드", "adders"],
                    ["항목의 곱수", "factor of the items"],
                ],
                check: sum_in_threads_call,
                late_starts: true,
            }),
        ),
        "mutex-not-refcell" => (
            mutex_not_refcell,
            Some(Probe {
                bin: "check-32",
                signature: "pub fn log_from_threads(writers: usize, entries: usize) -> Vec<String>",
                // Writers, entries each.
                args: &[(2, 6), (50, 300)],
                names: &[
                    ["쓰는 스레드", "writers"],
                    ["스레드마다 항목", "entries each"],
                ],
                check: log_from_threads_call,
                late_starts: true,
            }),
        ),
        "keep-a-copy" => (
            keep_a_copy,
            Some(Probe {
                bin: "check-33",
                signature: "pub fn start_worker(name: &str)",
                // The number in the worker's name.
                args: &[(100, 999)],
                names: &[["작업자 이름의 번호", "number in the worker's name"]],
                check: start_worker_call,
                late_starts: true,
            }),
        ),
        "return-what-you-own" => (
            return_what_you_own,
            Some(Probe {
                bin: "check-34",
                signature: "pub fn shout_all(words: Vec<String>) -> Vec<String>",
                // Words, the number in the first.
                args: &[(2, 6), (10, 99)],
                names: &[["단어", "words"], ["첫 단어의 번호", "number in the first"]],
                check: shout_all_call,
                late_starts: true,
            }),
        ),
        "an-atomic-global" => (
            an_atomic_global,
            Some(Probe {
                bin: "check-30",
                signature: "pub static VISITS, pub fn count_visits(visitors: usize, visits: u64) -> u64",
                // Visitors, visits each.
                args: &[(2, 4), (1_000_000, 3_000_000)],
                names: &[["방문자", "visitors"], ["방문자마다 방문", "visits each"]],
                check: count_visits_call,
                late_starts: true,
            }),
        ),
        _ => return None,
    })
}
