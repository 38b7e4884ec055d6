//! The capstone: a word count over files, in a pool's workers, with a progress thread, checked
//! on files the learner does not see, with a `count_file` of the checker's (the only reader of
//! its files, which hold each word backwards; where it ran is in the trace).

use super::*;
use check_protocol::capstone::{WORDS, text};

/// Each file counted once, in a pool worker ("counted <path>", the path ending in `name`).
fn counted_in_workers(run: &Run, names: &[String]) -> Result<(), Problem> {
    for name in names {
        let by: Vec<&Event> = run
            .events_of_kind(Kind::Say)
            .into_iter()
            .filter(|e| e.msg.starts_with("counted ") && e.msg.ends_with(name.as_str()))
            .collect();
        let Some(event) = by.first() else {
            return Err(never_printed(&format!("counted .../{name}")));
        };
        if by.len() != 1 {
            return Err(Problem::new(
                format!(
                    "{} 한 번이 아니라 {}번 셌습니다.",
                    with(name, Josa::EulReul),
                    by.len()
                ),
                format!("{name} was counted {} times, not once.", by.len()),
            ));
        }
        if !event.process.starts_with("ForkPoolWorker-") {
            return Err(Problem::new(
                format!(
                    "{} 풀의 작업 프로세스가 아니라 '{}'에서 셌습니다. 파일을 풀에 주세요.",
                    with(name, Josa::EulReul),
                    event.process
                ),
                format!(
                    "{name} was counted in '{}', not in a pool worker: give the files to the pool.",
                    event.process
                ),
            ));
        }
    }
    Ok(())
}

/// "progress: k/n files" for each k, by the thread "progress", in order.
fn progress_shown(run: &Run, files: usize) -> Result<(), Problem> {
    let mut before = 0;
    for k in 1..=files {
        let at = once_by(run, &format!("progress: {k}/{files} files"), "progress")?;
        if at < before {
            return Err(Problem::new(
                format!("'progress: {k}/{files} files'가 제 순서에 찍히지 않았습니다."),
                format!("'progress: {k}/{files} files' is out of order."),
            ));
        }
        before = at;
    }
    Ok(())
}

/// The lines `want`, in this order, printed by main.
fn in_order_by_main(run: &Run, want: &[String]) -> Result<(), Problem> {
    let mut before = 0;
    for text in want {
        let at = line(run, text).ok_or_else(|| expected(run, text))?;
        if at < before || printed_by(run, text)?.pid != run.pid {
            return Err(Problem::new(
                format!(
                    "{} 제 순서에 main이 찍어야 합니다(많은 것부터, 같으면 단어 순).",
                    with(&format!("'{text}'"), Josa::EulReul)
                ),
                format!(
                    "'{text}' must be printed by main, in its place (the most frequent first, then by word)."
                ),
            ));
        }
        before = at;
    }
    Ok(())
}

fn count_the_words(run: &Seen) -> Result<(), Problem> {
    let names = ["pools.txt", "processes.txt", "threads.txt"].map(String::from);
    counted_in_workers(run, &names)?;
    progress_shown(run, 3)?;
    let top = ["a: 9", "the: 7", "process: 5", "its: 4", "memory: 3"].map(String::from);
    in_order_by_main(run, &top)?;
    ended_with_its_workers(run)
}

/// The first file's progress was shown before the last file was counted: the checker's files
/// take 0.15 s longer each, so progress reported as each file completes comes well before the
/// end; progress sent only after every file was counted (a `map`, then the messages) does not.
fn progress_as_files_complete(run: &Seen, files: u64) -> Result<(), Problem> {
    let says = run.events_of_kind(Kind::Say);
    let first = format!("progress: 1/{files} files");
    let shown = says.iter().find(|e| e.msg == first).map(|e| e.t_ns);
    let last = (says.iter())
        .filter(|e| e.msg.starts_with("counted "))
        .map(|e| e.t_ns)
        .max();
    if let (Some(shown), Some(last)) = (shown, last)
        && shown > last
    {
        return Err(Problem::new(
            format!(
                "'{first}'가 모든 파일을 다 센 뒤에야 찍혔습니다. 진행 상황은 일이 끝난 뒤가 아니라, 파일 하나가 끝날 때마다 알려야 합니다(imap_unordered로 결과가 오는 대로)."
            ),
            format!(
                "'{first}' was printed only after every file had been counted. Progress is reported as each file completes, not after all the work (imap_unordered, as the results come)."
            ),
        ));
    }
    Ok(())
}

fn count_words_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let (files, seed) = (n[0] as u64, n[1] as u64);
    let names: Vec<String> = (0..files).map(|f| format!("/file-{f}.txt")).collect();
    counted_in_workers(run, &names)?;
    progress_shown(run, files as usize)?;
    progress_as_files_complete(run, files)?;
    // Main waits for the results: asleep in imap_unordered's next it woke 10 to 14 times in
    // 0.5 to 2.2 s; looking at each result's ready() every 10 ms woke it 92 to 351 times (the
    // second blind review's, which passed).
    main_slept_at_most(
        run,
        20,
        5,
        [
            "결과를 imap_unordered로 오는 대로 기다리세요. ready()를 자꾸 들여다보지 마세요.",
            "wait for the results as they come with imap_unordered, not by looking at ready() again and again.",
        ],
    )?;
    // The last file takes 1 to 1.5 s more (watched): once the others are done, the progress
    // thread, waiting for the next completion, has nothing to wake for.
    slept_through_the_quiet(
        run,
        |thread| thread == "progress",
        [
            "진행 스레드는 파일이 끝났다는 소식을 채널에서 잠든 채 기다리세요. 세는 값을 자꾸 들여다보지 마세요.",
            "let the progress thread wait asleep on a channel for each file's completion, not look at a count again and again.",
        ],
    )?;
    let got = match found(run, args)? {
        Found::Counts(got) => got,
        other => return Err(unexpected(&other)),
    };
    // The checker's files hold each word backwards: only its `count_file` reads them right.
    if got.iter().any(|(word, _)| !WORDS.contains(&word.as_str())) {
        return Err(Problem::new(
            "검사기의 파일을 검사기가 준 `count_file`이 아닌 다른 방법으로 셌습니다(검사기의 파일은 그 함수만 바르게 읽음). 받은 `count_file`을 풀에 주세요.",
            "the checker's files were counted some other way than with the `count_file` it hands in (only that function reads them right): give the `count_file` you are handed to the pool.",
        ));
    }
    let mut counts: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
    for file in 0..files {
        for word in text(file, seed).split(' ') {
            *counts.entry(word.to_owned()).or_insert(0) += 1;
        }
    }
    let mut want: Vec<(String, u64)> = counts.into_iter().collect();
    want.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    if got != want {
        let show = |counts: &[(String, u64)]| -> String {
            let each: Vec<String> = counts.iter().map(|(w, n)| format!("{w}: {n}")).collect();
            format!("[{}]", each.join(", "))
        };
        return Err(Problem::new(
            format!(
                "{} 돌려줘야 하는데 {} 돌려줬습니다(많은 것부터, 같으면 단어 순).",
                with(&show(&want), Josa::EulReul),
                with(&show(&got), Josa::EulReul)
            ),
            format!(
                "it must return {} but returned {} (the most frequent first, then by word).",
                show(&want),
                show(&got)
            ),
        ));
    }
    Ok(())
}

/// The check of each exercise of this part, and the checker's call of its function if it has
/// one.
pub(super) fn mechanism(package: &str) -> Option<(Check, Option<Probe>)> {
    Some(match package {
        "count-the-words" => (
            count_the_words,
            Some(Probe {
                bin: "check-36",
                signature: "pub fn count_words(paths: Vec<String>, count_file: fn(String) -> Vec<(String, u64)>) -> Vec<(String, u64)>",
                // Files, the seed of their texts.
                args: &[(3, 9), (1, 1_000_000)],
                names: &[["파일", "files"], ["글의 씨앗", "seed of the texts"]],
                check: count_words_call,
                // No late start: a late "progress" thread (the first thread of main, held back
                // before its first line) would print its first progress after the last file.
                late_starts: false,
                second_call: &[],
                hold: None,
            }),
        ),
        _ => return None,
    })
}
