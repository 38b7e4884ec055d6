//! `cargo run -p practice -- …`, what the learner types: a line in the learner's language at
//! once, then the checker (`practice-checker`, in `practice/src/`) built, and run with the same
//! arguments.
//!
//! Why a package of its own, with no dependencies: cargo builds all of a package's dependencies
//! before the package itself, so on a first build the checker's own first line came after a
//! minute of cargo's English `Compiling …` lines. This one is built in about a second. It then
//! runs `cargo build -p practice-checker` into the same target folder (cargo's progress shown
//! on a first build; quiet once the checker is there, when it only confirms it is up to date)
//! and becomes the checker (`exec`: the same process, so Ctrl-C, the terminal and the exit code
//! are the checker's own). `PRACTICE_CHECKER` names a checker to run as it is, unbuilt (for
//! the tests).

use std::ffi::OsString;
use std::os::unix::process::CommandExt;
use std::process::{Command, ExitCode};

/// The workspace's manifest, where this launcher was built from.
const WORKSPACE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../Cargo.toml");

/// The language the checker will speak: `--lang`, or `LANG`, as the checker reads them.
fn korean(args: &[OsString]) -> bool {
    if let Some(at) = args.iter().position(|a| a == "--lang") {
        return args.get(at + 1).is_none_or(|lang| lang != "en");
    }
    !std::env::var("LANG").is_ok_and(|lang| lang.starts_with("en"))
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    // A checker given (the launcher's tests): run as it is, nothing built.
    if let Some(checker) = std::env::var_os("PRACTICE_CHECKER") {
        let error = Command::new(&checker).args(&args).exec();
        eprintln!("error: cannot run {}: {error}", checker.display());
        return ExitCode::from(2);
    }
    let korean = korean(&args);
    let say = |[ko, en]: [&'static str; 2]| if korean { ko } else { en };
    let me = std::env::current_exe();
    let Some(folder) = me.as_deref().ok().and_then(|me| me.parent()) else {
        eprintln!("error: cannot tell where practice was built: {me:?}");
        return ExitCode::from(2);
    };
    let checker = folder.join("practice-checker");
    let first = !checker.exists();
    if first {
        println!(
            "{}",
            say([
                "검사기를 처음 빌드합니다. 1분쯤 걸립니다. 아래는 cargo가 보여 주는 진행 상황입니다(영어).",
                "Building the checker for the first time: about a minute. Below, cargo's progress.",
            ])
        );
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut build = Command::new(cargo);
    build.args([
        "build",
        "-p",
        "practice-checker",
        "--manifest-path",
        WORKSPACE,
    ]);
    if !first {
        build.arg("--quiet");
    }
    if folder.file_name().is_some_and(|name| name == "release") {
        build.arg("--release");
    }
    // The target folder this launcher is in (`<target>/debug/practice`): the checker beside it.
    if let Some(target) = folder.parent() {
        build.env("CARGO_TARGET_DIR", target);
    }
    match build.status() {
        Ok(status) if status.success() => {}
        Ok(status) => return ExitCode::from(status.code().unwrap_or(1).clamp(1, 255) as u8),
        Err(error) => {
            eprintln!("error: cannot run cargo: {error}");
            return ExitCode::from(2);
        }
    }
    let error = Command::new(&checker).args(&args).exec();
    eprintln!("error: cannot run {}: {error}", checker.display());
    ExitCode::from(2)
}
