//! `practice`: the exercises' checker. It builds the learner's code in `exercises/`, runs it
//! through the test harness, and says what is still wrong, in the learner's terms.
//!
//! ```text
//! cargo run -p practice                 # the list, with ✓ / ✗ and the next one to do
//! cargo run -p practice -- check 03     # build and run exercise 03, check it
//! cargo run -p practice -- check 03 --times 5  # build once, check five times (luck shows)
//! cargo run -p practice -- hint 03      # the next hint (from a nudge to the key idea)
//! cargo run -p practice -- watch        # re-check the current exercise on every save
//! cargo run -p practice -- solution 03  # the solution, once 03 passes (or with --force)
//! ```
//! Korean by default; English with `--lang en` or a `LANG` that starts with `en`.
//! `PRACTICE_EXERCISES` points at another copy of the exercises (the tests use it).
//!
//! One job a file: this one the command line and the one list; `build.rs` the cargo builds,
//! `runs.rs` the plans and the runs, `start_methods.rs` the methods a check takes in turn,
//! `report.rs` a check's outcome, `progress.rs` what passed,
//! `screens.rs` list, hint and solution, `watch/` the watch loop and its keys, `screen.rs` paths
//! and progress as shown, `interrupt.rs` the ends (Ctrl-C, `q`), `no_unsafe.rs` the rustc wrapper,
//! `diagnose.rs` what a failed run shows, `exercises/` each exercise's check.

mod build;
mod diagnose;
mod exercises;
mod interrupt;
mod korean;
mod no_unsafe;
mod progress;
mod report;
mod runs;
mod screen;
mod screens;
mod start_methods;
mod watch;

use exercises::{Exercise, Problem};
use report::{Shown, check_one};
use screens::{hint, list, solution};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Ko,
    En,
}

/// The language chosen at start (`--lang`, or `LANG`), for what is said outside a command's own
/// screen (the first build's note).
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

impl Lang {
    fn current() -> Lang {
        LANG.get().copied().unwrap_or(Lang::Ko)
    }

    fn pick(self, [ko, en]: [&str; 2]) -> &str {
        match self {
            Lang::Ko => ko,
            Lang::En => en,
        }
    }

    fn problem(self, problem: &Problem) -> &str {
        match self {
            Lang::Ko => &problem.ko,
            Lang::En => &problem.en,
        }
    }
}

/// The exercises of `exercises/info.toml`, read once at start.
static LIST: std::sync::OnceLock<Vec<Exercise>> = std::sync::OnceLock::new();

fn exercises() -> &'static [Exercise] {
    LIST.get().map_or(&[], Vec::as_slice)
}

fn exercises_dir() -> PathBuf {
    let dir = std::env::var_os("PRACTICE_EXERCISES").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../exercises"),
        PathBuf::from,
    );
    // Without `practice/..`, so that the file to edit is named as the learner would type it.
    dir.canonicalize().unwrap_or(dir)
}

/// The exercise `which` names: its number (`3` or `03`), its package or its folder.
fn find(which: &str) -> Option<&'static Exercise> {
    exercises().iter().find(|e| {
        e.id == which
            || e.package == which
            || e.folder() == which
            || which
                .parse::<u32>()
                .is_ok_and(|n| format!("{n:02}") == e.id)
    })
}

/// The most checks one `check --times` runs.
const MOST_TIMES: usize = 20;

const USAGE_KO: &str = "사용법: cargo run -p practice -- [--lang ko|en] [list | check <번호> [--times <횟수>] | hint <번호> | solution <번호> [--force] | watch]";
const USAGE: &str = "usage: cargo run -p practice -- [--lang ko|en] [list | check <n> [--times <k>] | hint <n> | solution <n> [--force] | watch]";

/// The commands, as the usage names them.
const COMMANDS: [&str; 5] = ["list", "check", "hint", "solution", "watch"];

/// The exercise `which` was most likely meant to be, if one is close: by its number, package or
/// folder, within a third of the name's letters (at least two) of edits.
fn closest(which: &str) -> Option<&'static Exercise> {
    let distance = |e: &&Exercise| {
        [e.package.to_owned(), e.folder()]
            .iter()
            .map(|name| strsim::levenshtein(which, name))
            .min()
            .unwrap_or(usize::MAX)
    };
    let best = exercises().iter().min_by_key(distance)?;
    (distance(&best) <= (which.chars().count() / 3).max(2)).then_some(best)
}

fn main() -> ExitCode {
    if let Some(code) = no_unsafe::wrap_rustc() {
        return code;
    }
    interrupt::install();
    // A failure of the checker itself is reported in one line (check_one), not as a backtrace.
    std::panic::set_hook(Box::new(|_| {}));
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut lang = match std::env::var("LANG") {
        Ok(value) if value.starts_with("en") => Lang::En,
        _ => Lang::Ko,
    };
    if let Some(at) = args.iter().position(|a| a == "--lang") {
        lang = match args.get(at + 1).map(String::as_str) {
            Some("ko") => Lang::Ko,
            Some("en") => Lang::En,
            other => {
                eprintln!(
                    "error: --lang은 ko나 en입니다({:?}는 없습니다) / --lang takes ko or en, not {:?}",
                    other.unwrap_or(""),
                    other.unwrap_or("")
                );
                return ExitCode::from(2);
            }
        };
        args.drain(at..at + 2);
    }
    let _ = LANG.set(lang);
    let root = exercises_dir();
    if !root.join("Cargo.toml").is_file() {
        eprintln!("error: no exercises at {}", root.display());
        return ExitCode::from(2);
    }
    match exercises::load(&root) {
        Ok(list) => {
            let _ = LIST.set(list);
        }
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    }
    let exercise = |which: &str| {
        find(which).ok_or_else(|| {
            let (first, last) = (exercises()[0].id, exercises()[exercises().len() - 1].id);
            let [meant_ko, meant_en] = match closest(which) {
                Some(e) => [
                    format!(". {} {}을 말한 건가요?", e.id, e.package),
                    format!("; did you mean {} {}?", e.id, e.package),
                ],
                None => [String::new(), String::new()],
            };
            lang.pick([
                &format!(
                    "error: 연습 {} 없습니다 ({first}부터 {last}까지 있습니다){meant_ko}",
                    korean::with(&format!("{which:?}"), korean::Josa::IGa)
                ),
                &format!("error: no exercise {which:?} (there are {first} to {last}){meant_en}"),
            ])
            .to_owned()
        })
    };
    let outcome = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] | ["list"] => Ok(list(&root, lang, false)),
        ["check", which] => exercise(which).map(|e| check_one(&root, e, lang, 1, Shown::Alone)),
        ["check", which, "--times", n] | ["check", "--times", n, which] => match n.parse() {
            Ok(times @ 1..=MOST_TIMES) => {
                exercise(which).map(|e| check_one(&root, e, lang, times, Shown::Alone))
            }
            _ => Err(lang
                .pick([
                    &format!("error: --times는 1부터 {MOST_TIMES}까지입니다: {n:?}"),
                    &format!("error: --times takes 1 to {MOST_TIMES}, not {n:?}"),
                ])
                .to_owned()),
        },
        ["hint", which] => exercise(which).and_then(|e| hint(&root, e, lang, false)),
        ["solution", which] => exercise(which).and_then(|e| solution(&root, e, lang, false)),
        ["solution", which, "--force"] | ["solution", "--force", which] => {
            exercise(which).and_then(|e| solution(&root, e, lang, true))
        }
        ["watch"] => watch::watch(&root, lang)
            .map(|()| ExitCode::SUCCESS)
            .map_err(|e| format!("error: cannot watch {}: {e}", root.display())),
        ["--help" | "-h" | "help"] => {
            println!("{}", lang.pick([USAGE_KO, USAGE]));
            Ok(ExitCode::SUCCESS)
        }
        [word, ..] if !COMMANDS.contains(word) => Err(lang
            .pick([
                &format!(
                    "error: 없는 명령입니다: {word:?} ({} 가운데 하나). {USAGE_KO}",
                    COMMANDS.join(", ")
                ),
                &format!(
                    "error: no command {word:?} (one of {}). {USAGE}",
                    COMMANDS.join(", ")
                ),
            ])
            .to_owned()),
        _ => Err(lang.pick([USAGE_KO, USAGE]).to_owned()),
    };
    outcome.unwrap_or_else(|message| {
        eprintln!("{message}");
        ExitCode::from(2)
    })
}
