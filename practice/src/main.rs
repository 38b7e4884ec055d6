//! `practice`: the exercises' checker. It builds the learner's code in `exercises/`, runs it
//! through the test harness, and says what is still wrong, in the learner's terms.
//!
//! ```text
//! cargo run -p practice                 # the list, with ✓ / ✗ and the next one to do
//! cargo run -p practice -- check 03     # build and run exercise 03, check it
//! cargo run -p practice -- hint 03      # a hint, without the answer
//! cargo run -p practice -- watch        # re-check the current exercise on every save
//! cargo run -p practice -- solution 03  # the reference solution (after trying)
//! ```
//! Korean by default; English with `--lang en` or a `LANG` that starts with `en`.
//! `PRACTICE_EXERCISES` points at another copy of the exercises (the tests use it).

mod exercises;

use exercises::{EXERCISES, Exercise, Problem};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Duration;

/// How long a run may take before it counts as a hang (the harness runs it 20 times faster
/// than the notes' timings, so every exercise ends within a second): `PRACTICE_HANG_SECS`, or 10.
fn hang() -> Duration {
    let secs = std::env::var("PRACTICE_HANG_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    Duration::from_secs(secs)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Ko,
    En,
}

impl Lang {
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

fn exercises_dir() -> PathBuf {
    std::env::var_os("PRACTICE_EXERCISES").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../exercises"),
        PathBuf::from,
    )
}

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

/// Where the exercises that passed are remembered, one id a line.
fn passed_file(root: &Path) -> PathBuf {
    root.join("target").join("practice-passed")
}

fn passed(root: &Path) -> Vec<String> {
    std::fs::read_to_string(passed_file(root))
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect()
}

fn remember(root: &Path, id: &str, ok: bool) {
    let mut ids: Vec<String> = passed(root).into_iter().filter(|p| p != id).collect();
    if ok {
        ids.push(id.to_owned());
    }
    let _ = std::fs::create_dir_all(root.join("target"));
    let _ = std::fs::write(passed_file(root), ids.join("\n") + "\n");
}

fn find(which: &str) -> Option<&'static Exercise> {
    EXERCISES
        .iter()
        .find(|e| e.id == which || e.package == which || e.folder() == which)
}

/// Builds the exercise; the binary, or what the compiler said.
fn build(root: &Path, exercise: &Exercise) -> Result<PathBuf, Problem> {
    let out = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args([
            "build",
            "--quiet",
            "--color",
            "never",
            "-p",
            exercise.package,
        ])
        .arg("--manifest-path")
        .arg(root.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target_dir(root))
        .output()
        .map_err(|e| {
            Problem::new(
                format!("cargo를 실행할 수 없습니다: {e}"),
                format!("cannot run cargo: {e}"),
            )
        })?;
    if out.status.success() {
        return Ok(target_dir(root).join("debug").join(exercise.package));
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let error = stderr
        .lines()
        .find(|l| l.starts_with("error") && !l.starts_with("error: could not compile"))
        .unwrap_or("error");
    let place = stderr
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))
        .unwrap_or("");
    Err(Problem::new(
        format!("컴파일되지 않습니다: {error} ({place})"),
        format!("it does not compile: {error} ({place})"),
    ))
}

/// Builds, runs and checks one exercise.
fn check(root: &Path, exercise: &Exercise) -> Result<(), Problem> {
    let binary = build(root, exercise)?;
    let (run, ending) = harness::Example::new(&binary)
        .timeout(hang())
        .spawn()
        .finish();
    if ending.timed_out.is_some() {
        let [ko, en] = exercise.hang_hint;
        return Err(Problem::new(
            format!(
                "프로그램이 {}초 안에 끝나지 않았습니다(멈춤). {ko}",
                hang().as_secs()
            ),
            format!(
                "the program did not end within {} s (a hang). {en}",
                hang().as_secs()
            ),
        ));
    }
    if !run.status.success() {
        let why = run
            .stderr
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        return Err(Problem::new(
            format!("프로그램이 {}(으)로 끝났습니다. {why}", run.status),
            format!("the program ended with {}. {why}", run.status),
        ));
    }
    (exercise.check)(&run)?;
    exercises::nothing_left(&run)
}

fn list(root: &Path, lang: Lang) -> ExitCode {
    let done = passed(root);
    println!(
        "{}",
        lang.pick([
            "연습 문제 (✓ 통과, ✗ 아직)",
            "Exercises (✓ passed, ✗ not yet)"
        ])
    );
    for e in EXERCISES {
        let mark = if done.iter().any(|d| d == e.id) {
            "✓"
        } else {
            "✗"
        };
        println!("{mark} {} {} — {}", e.id, e.package, lang.pick(e.title));
    }
    match EXERCISES.iter().find(|e| !done.iter().any(|d| d == e.id)) {
        Some(next) => println!(
            "{} cargo run -p practice -- check {}",
            lang.pick(["다음:", "next:"]),
            next.id
        ),
        None => println!("{}", lang.pick(["모두 통과했습니다!", "All passed!"])),
    }
    ExitCode::SUCCESS
}

fn check_one(root: &Path, exercise: &Exercise, lang: Lang) -> ExitCode {
    let outcome = check(root, exercise);
    remember(root, exercise.id, outcome.is_ok());
    match outcome {
        Ok(()) => {
            println!(
                "✓ {} {}: {}",
                exercise.id,
                exercise.package,
                lang.pick(["통과했습니다.", "passed."])
            );
            ExitCode::SUCCESS
        }
        Err(problem) => {
            println!(
                "✗ {} {}: {}",
                exercise.id,
                exercise.package,
                lang.problem(&problem)
            );
            println!(
                "  {} cargo run -p practice -- hint {}",
                lang.pick(["힌트:", "hint:"]),
                exercise.id
            );
            ExitCode::from(1)
        }
    }
}

/// Re-checks the current exercise (the first not passed) whenever a file under the exercises
/// is saved, until interrupted.
fn watch(root: &Path, lang: Lang) -> Result<(), String> {
    use notify::{RecursiveMode, Watcher};
    let (changed, changes) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(changed).map_err(|e| e.to_string())?;
    watcher
        .watch(root, RecursiveMode::Recursive)
        .map_err(|e| e.to_string())?;
    let target = target_dir(root);
    loop {
        let done = passed(root);
        let Some(current) = EXERCISES.iter().find(|e| !done.iter().any(|d| d == e.id)) else {
            println!("{}", lang.pick(["모두 통과했습니다!", "All passed!"]));
            return Ok(());
        };
        println!(
            "{} {} {}",
            lang.pick(["확인 중:", "checking"]),
            current.id,
            current.package
        );
        check_one(root, current, lang);
        println!(
            "{}",
            lang.pick([
                "(파일을 저장하면 다시 확인합니다. 끝내려면 Ctrl-C)",
                "(save a file to check again; Ctrl-C to stop)"
            ])
        );
        // Wait for a change to a source file, then let a burst of saves settle.
        loop {
            let event = changes.recv().map_err(|e| e.to_string())?;
            let source = event.is_ok_and(|event| {
                event.paths.iter().any(|p| {
                    !p.starts_with(&target)
                        && p.extension().is_some_and(|x| x == "rs" || x == "toml")
                })
            });
            if source {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(200));
        while changes.try_recv().is_ok() {}
    }
}

const USAGE: &str =
    "usage: practice [--lang ko|en] [list | check <n> | hint <n> | solution <n> | watch]";

fn main() -> ExitCode {
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
                    "error: --lang takes ko or en, not {:?}",
                    other.unwrap_or("")
                );
                return ExitCode::from(2);
            }
        };
        args.drain(at..at + 2);
    }
    let root = exercises_dir();
    if !root.join("Cargo.toml").is_file() {
        eprintln!("error: no exercises at {}", root.display());
        return ExitCode::from(2);
    }
    let exercise = |which: &str| {
        find(which).ok_or_else(|| {
            format!(
                "error: no exercise {which:?} (there are {} to {})",
                EXERCISES[0].id,
                EXERCISES[EXERCISES.len() - 1].id
            )
        })
    };
    let outcome = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] | ["list"] => Ok(list(&root, lang)),
        ["check", which] => exercise(which).map(|e| check_one(&root, e, lang)),
        ["hint", which] => exercise(which).and_then(|e| {
            let file = lang.pick(["hint.ko.md", "hint.en.md"]);
            let path = root.join(e.folder()).join(file);
            std::fs::read_to_string(&path)
                .map(|hint| {
                    print!("{} {}: {hint}", e.id, e.package);
                    ExitCode::SUCCESS
                })
                .map_err(|err| format!("error: cannot read {}: {err}", path.display()))
        }),
        ["solution", which] => exercise(which).and_then(|e| {
            let path = root.join("solutions").join(e.folder()).join("src/main.rs");
            std::fs::read_to_string(&path)
                .map(|text| {
                    print!("{text}");
                    ExitCode::SUCCESS
                })
                .map_err(|err| format!("error: cannot read {}: {err}", path.display()))
        }),
        ["watch"] => watch(&root, lang)
            .map(|()| ExitCode::SUCCESS)
            .map_err(|e| format!("error: cannot watch {}: {e}", root.display())),
        _ => Err(USAGE.to_owned()),
    };
    outcome.unwrap_or_else(|message| {
        eprintln!("{message}");
        ExitCode::from(2)
    })
}
