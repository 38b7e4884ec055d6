//! The other commands' screens: the list with progress, the hints one by one, the solution in the
//! learner's language.

use crate::exercises;
use crate::exercises::Exercise;
use crate::progress::passed;
use crate::{Lang, screen};
use std::path::Path;
use std::process::ExitCode;

/// The list of exercises, passed or not, by chapter. `in_watch` (stdout not a terminal: a
/// terminal gets `watch/picker.rs`) leaves out the command for the next one.
pub(crate) fn list(root: &Path, lang: Lang, in_watch: bool) -> ExitCode {
    let done = passed(root);
    println!(
        "{}",
        lang.pick([
            "연습 문제 (✓ 통과, ✗ 아직)",
            "Exercises (✓ passed, ✗ not yet)"
        ])
    );
    let mut chapter = None;
    for e in exercises() {
        if chapter != Some(e.chapter) {
            chapter = Some(e.chapter);
            let [ko, en] = screen::chapter_progress(e, &done);
            println!("— {} —", lang.pick([&ko, &en]));
        }
        let mark = if done.iter().any(|d| d == e.id) {
            "✓"
        } else {
            "✗"
        };
        println!("{mark} {} {} — {}", e.id, e.package, lang.pick(e.title));
    }
    println!(
        "{}",
        lang.pick(
            screen::progress(done.len(), exercises().len())
                .each_ref()
                .map(String::as_str)
        )
    );
    match exercises().iter().find(|e| !done.iter().any(|d| d == e.id)) {
        Some(_) if in_watch => {}
        Some(next) => println!(
            "{} cargo run -p practice -- check {}",
            lang.pick(["다음:", "next:"]),
            next.id
        ),
        None => println!("{}", lang.pick(["모두 통과했습니다!", "All passed!"])),
    }
    ExitCode::SUCCESS
}

/// Shows the exercise's next hint: its hint file holds one paragraph per hint, from a nudge to
/// the key idea; how many were shown is remembered in `target/practice-hints`.
///
/// In `watch` (`in_watch`), what comes next is said by its key and its file, not a command to run.
pub(crate) fn hint(
    root: &Path,
    e: &Exercise,
    lang: Lang,
    in_watch: bool,
) -> Result<ExitCode, String> {
    let path = root
        .join(e.folder())
        .join(lang.pick(["hint.ko.md", "hint.en.md"]));
    let text = std::fs::read_to_string(&path)
        .map_err(|err| format!("error: cannot read {}: {err}", path.display()))?;
    let hints: Vec<&str> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .collect();
    let seen_file = root.join("target").join("practice-hints");
    let seen_text = std::fs::read_to_string(&seen_file).unwrap_or_default();
    let prefix = format!("{} ", e.id);
    let seen: usize = seen_text
        .lines()
        .find_map(|l| l.strip_prefix(&prefix)?.parse().ok())
        .unwrap_or(0);
    let shown = (seen + 1).min(hints.len());
    let mut lines: Vec<String> = seen_text
        .lines()
        .filter(|l| !l.starts_with(&prefix))
        .map(str::to_owned)
        .collect();
    lines.push(format!("{} {shown}", e.id));
    let _ = std::fs::create_dir_all(root.join("target"));
    let _ = std::fs::write(&seen_file, lines.join("\n") + "\n");
    println!(
        "{} {} ({} {shown}/{}): {}",
        e.id,
        e.package,
        lang.pick(["힌트", "hint"]),
        hints.len(),
        hints.get(shown.wrapping_sub(1)).unwrap_or(&"")
    );
    if shown < hints.len() {
        if in_watch {
            println!("  {}", lang.pick(["(h: 다음 힌트)", "(h: the next hint)"]));
        } else {
            println!(
                "  {} cargo run -p practice -- hint {}",
                lang.pick(["다음 힌트:", "next hint:"]),
                e.id
            );
        }
    } else {
        // The last hint gives the key idea: the property the check holds the program to now
        // follows from it, and is said whole.
        println!(
            "  {} {}",
            lang.pick([
                "이 연습이 지키게 하는 성질:",
                "the property this exercise checks for:"
            ]),
            lang.pick(e.property)
        );
        if in_watch {
            let solution = Path::new("solutions").join(e.folder()).join("src/main.rs");
            println!(
                "  {} exercises/{}",
                lang.pick([
                    "힌트는 여기까지입니다. 그래도 막히면 풀이 파일을 열어 보세요:",
                    "That was the last hint. Still stuck? The solution's file:",
                ]),
                solution.display()
            );
        } else {
            println!(
                "  {} cargo run -p practice -- solution {} --force",
                lang.pick([
                    "힌트는 여기까지입니다. 그래도 막히면 풀이를 보세요:",
                    "That was the last hint. Still stuck? See the solution:",
                ]),
                e.id
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Shows the solution once the exercise passes as it is now, or with `--force`.
pub(crate) fn solution(
    root: &Path,
    e: &Exercise,
    lang: Lang,
    force: bool,
) -> Result<ExitCode, String> {
    if !force && !passed(root).iter().any(|id| id == e.id) {
        println!(
            "{}",
            lang.pick([
                &format!(
                    "먼저 풀어 보세요. 연습 {}을 통과하면 풀이를 보여 줍니다(그래도 보려면: cargo run -p practice -- solution {} --force).",
                    e.id, e.id
                ),
                &format!(
                    "try it first: the solution is shown once exercise {} passes (to see it anyway: cargo run -p practice -- solution {} --force).",
                    e.id, e.id
                ),
            ])
        );
        return Ok(ExitCode::from(1));
    }
    let path = root.join("solutions").join(e.folder()).join("src/main.rs");
    std::fs::read_to_string(&path)
        .map(|text| {
            print!("{}", in_language(&text, lang));
            ExitCode::SUCCESS
        })
        .map_err(|err| format!("error: cannot read {}: {err}", path.display()))
}

/// A solution's text in `lang`: its header says why it works in Korean, then from "//! Exercise"
/// on in English; only the learner's language is shown, then the code.
fn in_language(text: &str, lang: Lang) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let header = lines.iter().take_while(|l| l.starts_with("//!")).count();
    let (header, code) = lines.split_at(header);
    let english = (header.iter())
        .position(|l| l.starts_with("//! Exercise"))
        .unwrap_or(header.len());
    let (korean, english) = header.split_at(english);
    let korean = korean.strip_suffix(&["//!"]).unwrap_or(korean);
    let shown = match lang {
        Lang::Ko => korean,
        Lang::En => english,
    };
    let mut out: Vec<&str> = shown.to_vec();
    out.extend_from_slice(code);
    out.join("\n") + "\n"
}
