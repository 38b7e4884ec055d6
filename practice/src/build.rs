//! Building the learner's code: one cargo call for the program and the checker's caller of its
//! function, in the exercises' own target, with `unsafe` forbidden (`no_unsafe.rs`), each build a
//! process group that Ctrl-C or `q` ends (`interrupt.rs`).

use crate::exercises::{Exercise, Problem};
use crate::{Lang, korean, no_unsafe, screen};
use std::io::IsTerminal;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

pub(crate) fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

/// Builds the exercise's `bins` in one cargo call; the folder of the binaries, or what the
/// compiler said.
fn build(root: &Path, exercise: &Exercise, bins: &[&str]) -> Result<PathBuf, Problem> {
    let color = if std::io::stdout().is_terminal() {
        "always"
    } else {
        "never"
    };
    let first = !target_dir(root).join("debug/.fingerprint").is_dir();
    if first && std::io::stdout().is_terminal() {
        println!(
            "{}",
            Lang::current().pick([
                "처음 빌드합니다. common과 그 의존성까지 빌드하느라 1분쯤 걸리고, 다음부터는 몇 초면 됩니다...",
                "Building for the first time: common and its dependencies take about a minute; later builds take seconds...",
            ])
        );
    }
    let mut cargo = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cargo
        .args(["build", "--quiet", "--color", color, "-p", exercise.package])
        .args(bins.iter().flat_map(|bin| ["--bin", bin]))
        .arg("--manifest-path")
        .arg(root.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target_dir(root))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        // A group of its own, which Ctrl-C or `q` ends with the runs (`interrupt.rs`).
        .process_group(0);
    let out = no_unsafe::forbid_in(&mut cargo)
        .and_then(|()| harness::groups::spawn(&mut cargo))
        .and_then(|child| {
            let pid = child.id();
            let out = child.wait_with_output();
            harness::groups::remove(pid);
            out
        })
        .map_err(|e| {
            Problem::new(
                format!("cargo를 실행할 수 없습니다: {e}"),
                format!("cannot run cargo: {e}"),
            )
        })?;
    if out.status.success() {
        return Ok(target_dir(root).join("debug"));
    }
    // The whole diagnostic, as cargo prints it: its notes ("`offset` captured here") are the
    // lesson as much as its first line.
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stderr = screen::paths_from_here(root, exercise, stderr.trim_end());
    let stderr = stderr.as_str();
    if no_unsafe::refused(stderr) {
        let [ko, en] = no_unsafe::WHY;
        return Err(Problem::new(
            format!("{ko}\n\n{stderr}\n"),
            format!("{en}\n\n{stderr}\n"),
        ));
    }
    Err(Problem::new(
        format!("컴파일되지 않습니다. 컴파일러의 말을 끝까지 읽어 보세요.\n\n{stderr}\n"),
        format!("it does not compile. Read all the compiler says.\n\n{stderr}\n"),
    ))
}

/// The exercise's program, and the checker's caller of its function if it has one, built.
pub(crate) struct Built {
    pub(crate) binary: PathBuf,
    pub(crate) caller: Option<PathBuf>,
}

/// Builds the exercise (once for any number of checks), after its forbidden word, if any.
pub(crate) fn build_all(root: &Path, exercise: &Exercise) -> Result<Built, Problem> {
    let source = root.join(exercise.folder()).join("src/main.rs");
    let code = std::fs::read_to_string(&source).unwrap_or_default();
    if let (Some(word), Some(line)) = (exercise.forbids, exercise.forbidden_in(&code)) {
        return Err(Problem::new(
            format!(
                "이 연습은 `{word}` 없이 풉니다. 컴파일러의 거부를 `{word}`로 잠재우지 말고 거부된 까닭을 고치세요: `{line}`"
            ),
            format!(
                "this exercise is solved without `{word}`: do not silence the compiler's refusal with `{word}`, fix what it refused: `{line}`"
            ),
        ));
    }
    // The program and the checker's caller of its function (which includes the program's code),
    // in one cargo call: half the cargo start-ups, and both compile side by side.
    let Some(probe) = &exercise.probe else {
        let binary = build(root, exercise, &[exercise.package])?.join(exercise.package);
        return Ok(Built {
            binary,
            caller: None,
        });
    };
    let built = match build(root, exercise, &[exercise.package, probe.bin]) {
        Ok(built) => built,
        Err(_) => {
            // Which one failed: the program's own errors come first; if it builds alone, the
            // checker cannot call its function.
            build(root, exercise, &[exercise.package])?;
            return Err(Problem::new(
                format!(
                    "검사기가 이 연습의 함수를 부를 수 없습니다. {} 처음 모양 그대로 두세요.",
                    korean::with(&format!("`{}`", probe.signature), korean::Josa::EulReul)
                ),
                format!(
                    "the checker cannot call this exercise's function: keep `{}` as it was declared.",
                    probe.signature
                ),
            ));
        }
    };
    let binary = built.join(exercise.package);
    let caller = Some(built.join(probe.bin));
    Ok(Built { binary, caller })
}
