//! `practice watch`: checks an exercise, then again whenever one of the exercises' files is saved
//! with a change: the exercise of the file saved, whichever it is. It starts at the first not
//! passed; `n` and `p` go to the next and the previous one and stay there, passed or not, until
//! a key or a saved change; `h` shows the next hint in place, `l` the list to choose from
//! (`picker.rs`), `q` quits (`keys.rs`).
//! A pass that `watch` came to by itself stays on the screen for a key or five seconds
//! (`pause.rs`), then the next exercise not passed is checked.

mod keys;
mod pause;
mod picker;

use crate::exercises::Exercise;
use crate::progress::{passed, source_hash};
use crate::report::{Shown, check_one};
use crate::runs::hang;
use crate::screens::{hint, list};
use crate::{Lang, exercises, screen};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc::Receiver;
use std::time::Duration;

/// What `watch` waits for.
#[derive(Debug)]
enum Watched {
    /// Something changed under the exercises (perhaps only the check's own build).
    File,
    /// A key typed.
    Key(u8),
}

/// What the learner asked for while a failure was on the screen.
enum Next {
    /// Check this exercise: its file was saved with a change.
    Check(usize),
    /// Check this exercise, which a key chose, and stay on it.
    Key(usize),
    Quit,
}

pub fn watch(root: &Path, lang: Lang) -> Result<(), String> {
    use notify::{RecursiveMode, Watcher};
    let (events, received) = std::sync::mpsc::channel();
    let files = events.clone();
    // Reads are not changes: reading the sources to hash them must not wake the loop again.
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| !e.kind.is_access()) {
            let _ = files.send(Watched::File);
        }
    })
    .map_err(|e| e.to_string())?;
    watcher
        .watch(root, RecursiveMode::Recursive)
        .map_err(|e| e.to_string())?;
    let _keys = keys::read(events);
    let terminal = std::io::stdout().is_terminal();
    let all = exercises();
    let mut chosen: Option<usize> = None;
    // An exercise a key chose (`n`, `p`) stays on the screen, passed or not, until a key or a
    // saved change; one `watch` came to by itself moves on after a pass.
    let mut by_key = false;
    loop {
        let done = passed(root);
        let not_passed = |at: usize| !done.iter().any(|d| d == all[at].id);
        let Some(at) = chosen.or_else(|| (0..all.len()).find(|at| not_passed(*at))) else {
            println!("{}", lang.pick(["모두 통과했습니다!", "All passed!"]));
            return Ok(());
        };
        let current = &all[at];
        show_header(root, current, &done, lang, terminal);
        let passed_now = check_one(root, current, lang, 1, Shown::InWatch) == ExitCode::SUCCESS;
        if passed_now && !by_key {
            if terminal {
                // The header's counts, as they are now that this one passed: its first line
                // rewritten in place (the cursor saved and restored around it).
                let line = header_line(current, &passed(root), lang);
                print!("\x1b7\x1b[H\x1b[2K{line}\x1b8");
            }
            pause::after_pass(&received, lang, terminal);
            // On to the next one not passed, after this one (or before it, if none is after).
            let done = passed(root);
            let not_passed = |at: &usize| !done.iter().any(|d| d == all[*at].id);
            chosen = (at + 1..all.len()).chain(0..at).find(not_passed);
            if chosen.is_none() {
                println!("{}", lang.pick(["모두 통과했습니다!", "All passed!"]));
                return Ok(());
            }
            continue;
        }
        if passed_now && terminal {
            // The header's counts, as they are now that this one passed.
            let line = header_line(current, &passed(root), lang);
            print!("\x1b7\x1b[H\x1b[2K{line}\x1b8");
        }
        match wait_for_change(root, at, &received, lang, terminal)? {
            Next::Check(next) => (chosen, by_key) = (Some(next), false),
            Next::Key(next) => (chosen, by_key) = (Some(next), true),
            Next::Quit => return Ok(()),
        }
    }
}

/// The header's first line: the exercise, and how many have passed, in all and in its chapter.
fn header_line(current: &Exercise, passed: &[String], lang: Lang) -> String {
    let progress = screen::progress(passed.len(), exercises().len());
    let chapter = screen::chapter_progress(current, passed);
    format!(
        "{} {} {} ({}; {})",
        lang.pick(["확인 중:", "checking"]),
        current.id,
        current.package,
        lang.pick(progress.each_ref().map(String::as_str)),
        lang.pick(chapter.each_ref().map(String::as_str))
    )
}

fn show_header(root: &Path, current: &Exercise, passed: &[String], lang: Lang, terminal: bool) {
    if terminal {
        print!("\x1b[2J\x1b[H");
    }
    println!("{}", header_line(current, passed, lang));
    println!(
        "{} {}",
        lang.pick(["고칠 파일:", "the file to edit:"]),
        screen::file_to_edit(root, current).display()
    );
    let secs = hang().as_secs();
    let wait = [
        format!("(프로그램이 멈추면 {secs}초 안에 알려 줍니다)"),
        format!("(a program that hangs is reported within {secs} s)"),
    ];
    println!("{}", lang.pick(wait.each_ref().map(String::as_str)));
}

/// Waits until an exercise's sources differ from what they were when the check ended (that
/// exercise is checked next), or a key chooses another; events for other files, for reads, or for
/// a save that changed nothing are passed over. A key is answered at once.
fn wait_for_change(
    root: &Path,
    at: usize,
    received: &Receiver<Watched>,
    lang: Lang,
    terminal: bool,
) -> Result<Next, String> {
    let all = exercises();
    let keys = lang.pick([
        "(고쳐 저장하면 다시 확인합니다. h 다음 힌트, n 다음 연습, p 이전 연습, l 목록, q 끝내기)",
        "(save a change to check again; h next hint, n next exercise, p previous, l list, q quit)",
    ]);
    println!("{keys}");
    let hashes: Vec<u64> = all.iter().map(|e| source_hash(root, e)).collect();
    let on_key = |key: u8| -> Result<Option<Next>, String> {
        match key {
            b'q' => return Ok(Some(Next::Quit)),
            b'n' => return Ok(Some(Next::Key((at + 1).min(all.len() - 1)))),
            b'p' => return Ok(Some(Next::Key(at.saturating_sub(1)))),
            b'h' => {
                hint(root, &all[at], lang, true)?;
            }
            b'l' if terminal => match picker::pick(root, at, received, lang) {
                picker::Picked::Exercise(chosen) => return Ok(Some(Next::Key(chosen))),
                // Saved while the list was up: that exercise is checked now.
                picker::Picked::Back => {
                    let changed =
                        (0..all.len()).find(|i| source_hash(root, &all[*i]) != hashes[*i]);
                    if let Some(changed) = changed {
                        return Ok(Some(Next::Check(changed)));
                    }
                    return Ok(None);
                }
            },
            b'l' => {
                list(root, lang, true);
            }
            _ => return Ok(None),
        }
        println!("{keys}");
        Ok(None)
    };
    loop {
        match received.recv().map_err(|e| e.to_string())? {
            Watched::File => {
                std::thread::sleep(Duration::from_millis(100));
                while let Ok(more) = received.try_recv() {
                    if let Watched::Key(key) = more
                        && let Some(next) = on_key(key)?
                    {
                        return Ok(next);
                    }
                }
                let changed = (0..all.len()).find(|i| source_hash(root, &all[*i]) != hashes[*i]);
                if let Some(changed) = changed {
                    return Ok(Next::Check(changed));
                }
            }
            Watched::Key(key) => {
                if let Some(next) = on_key(key)? {
                    return Ok(next);
                }
            }
        }
    }
}
