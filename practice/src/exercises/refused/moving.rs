//! Moving and owning: a copy kept for the child, what a function owns returned, a global counted atomically.

use super::*;

/// "<name> works in SubProcess" printed by a child process of that name; then, after it,
/// "parent: <name> finished" by the main process.
pub(super) fn worked_in_a_child(run: &Run, name: &str) -> Result<(), Problem> {
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

pub(super) fn keep_a_copy(run: &Seen) -> Result<(), Problem> {
    worked_in_a_child(run, "bob")
}

pub(super) fn start_worker_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    worked_in_a_child(run, &format!("worker{}", args[0]))?;
    nothing_leaked(run, args)
}

/// For each word, "shouter i: WORD" printed by the thread "shouter i", and the result in order.
pub(super) fn shouted(run: &Run, words: &[String], prefix: &str) -> Result<(), Problem> {
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

pub(super) fn return_what_you_own(run: &Seen) -> Result<(), Problem> {
    let words = ["hello", "from", "threads"].map(String::from);
    shouted(run, &words, "main got ")
}

pub(super) fn shout_all_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let words: Vec<String> = (0..n[0]).map(|i| format!("w{}q", n[1] + i)).collect();
    for (i, word) in words.iter().enumerate() {
        let said = format!("shouter {i}: {}", word.to_uppercase());
        once_by(run, &said, &format!("shouter {i}"))?;
    }
    let want: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
    match found(run, args)? {
        Found::Words { words: got, .. } if got != want => Err(Problem::new(
            format!(
                "{want:?}를 돌려줘야 하는데 {got:?}를 돌려줬습니다. 낱말의 순서대로 돌려주세요."
            ),
            format!(
                "it must return {want:?} but returned {got:?}: return them in the words' order."
            ),
        )),
        // A leak first (its words are made again by main from the leaked `&str`s), then which
        // thread made each word's text, as the checker's allocator knows.
        Found::Words { made_on_main, .. } if made_on_main > 0 => {
            nothing_leaked(run, args)?;
            Err(Problem::new(
                format!(
                    "돌려준 낱말 {made_on_main}개를 스레드가 아니라 main 스레드가 만들었습니다(검사기의 할당자가 봄). 스레드가 만든 값을 join으로 돌려받아 그대로 돌려주세요. 입력으로 다시 만들면 스레드의 일을 버리는 것입니다."
                ),
                format!(
                    "{made_on_main} of the words returned were made by the main thread, not by the threads (the checker's allocator saw it): return what each thread made, received through join. Making them again from the inputs throws the threads' work away."
                ),
            ))
        }
        Found::Words { .. } => nothing_leaked(run, args),
        other => Err(unexpected(&other)),
    }
}

/// Each "visitor t done" by its own thread; the total (`got`) exact.
pub(super) fn visits_counted(
    run: &Run,
    visitors: usize,
    got: &str,
    want: u64,
) -> Result<(), Problem> {
    for t in 0..visitors {
        once_by(run, &format!("visitor {t} done"), &format!("visitor {t}"))?;
    }
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

pub(super) fn an_atomic_global(run: &Seen) -> Result<(), Problem> {
    let total = run.stdout.iter().find_map(|l| l.strip_prefix("visits: "));
    let total = total.ok_or_else(|| never_printed("visits: ..."))?;
    visits_counted(run, 2, total, 4_000_000)
}

pub(super) fn count_visits_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let want = (n[0] * n[1]) as u64;
    let (total, held, let_go) = match found(run, args)? {
        Found::Global {
            total,
            global,
            let_go,
            added_by_visitors,
        } => {
            if added_by_visitors == Some(false) {
                return Err(Problem::new(
                    "방문자 스레드가 살아 있는 동안 전역 `VISITS`는 내내 0이었습니다(검사기가 'visitor 0 done'을 붙잡아 둔 동안에도). 합을 main이 나중에 만들어 넣었습니다. 방문자마다 전역 카운터에 직접 더하세요.",
                    "the global `VISITS` stayed 0 while the visitor threads were alive (even while the checker held 'visitor 0 done' back): main put the total in afterwards. Let each visitor add to the global counter itself.",
                ));
            }
            (total, global, let_go)
        }
        other => return Err(unexpected(&other)),
    };
    visits_counted(run, n[0] as usize, &total.to_string(), want)?;
    if let_go == Some(false) {
        return Err(Problem::new(
            "방문자가 세는 도중에는 전역 `VISITS`의 잠금이 한 번도 비지 않았습니다. 반복 전체를 잠가서 방문자가 하나씩 차례로 모두 셌습니다(동시에 돌지 않음). 방문 하나만 잠금 안에 두거나, atomic으로 더하세요(fetch_add).",
            "the global `VISITS`'s lock was never free while a visitor was midway through its visits: it was held around the whole loop, so the visitors counted one after another, never at the same time. Hold it for one visit at a time, or add with an atomic (fetch_add).",
        ));
    }
    // The global itself, as the checker read it after the call (its `Debug`: an atomic's or a
    // mutex's number): a total worked out without it (visitors times visits) leaves it 0.
    let held = held.as_str();
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
