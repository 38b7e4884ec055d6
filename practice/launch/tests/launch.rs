//! The launcher speaks first, in the learner's language, and then becomes the checker.

use std::io::{BufRead, BufReader};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Command, Stdio};

const PRACTICE: &str = env!("CARGO_BIN_EXE_practice");

/// The first line of what `practice args` shows on a terminal (stdout and stderr as one), run
/// from a target folder of its own where no checker was built yet: a first build. The cold
/// build it starts is ended at once (its process group killed).
fn first_line_of_a_first_build(args: &[&str], lang: &str) -> String {
    // Beside the target folder (the same file system), and linked, not copied: a copy is open
    // for writing, and a process another test forks meanwhile keeps it so (exec then fails
    // with "Text file busy": seen).
    let target = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("tempdir");
    let folder = target.path().join("debug");
    std::fs::create_dir(&folder).expect("debug/");
    let launcher = folder.join("practice");
    std::fs::hard_link(PRACTICE, &launcher).expect("link the launcher");
    let (reader, writer) = std::io::pipe().expect("pipe");
    let mut run = Command::new(&launcher)
        .args(args)
        .env("LANG", lang)
        .env_remove("CARGO_TARGET_DIR")
        .stdin(Stdio::null())
        .stdout(writer.try_clone().expect("clone the pipe"))
        .stderr(writer)
        .process_group(0)
        .spawn()
        .expect("start the launcher");
    let mut first = String::new();
    BufReader::new(reader)
        .read_line(&mut first)
        .expect("read the first line");
    // The launcher's whole group (it, cargo, rustc), by its leader's PID, with killpg(2): not
    // `/bin/kill -KILL -<pid>`, which here (procps-ng 4.0.2) ended every process of the machine
    // but init, the test runner's shell among them (seen, then tried on a lone `sleep`'s group).
    let _ = nix::sys::signal::killpg(
        nix::unistd::Pid::from_raw(run.id() as i32),
        nix::sys::signal::Signal::SIGKILL,
    );
    let _ = run.wait();
    first
}

#[test]
fn a_first_build_says_so_in_korean_before_cargo_says_anything() {
    let first = first_line_of_a_first_build(&["watch"], "ko_KR.UTF-8");
    assert!(
        first.starts_with("검사기를 처음 빌드합니다."),
        "the first line: {first:?}"
    );
}

#[test]
fn a_first_build_says_so_in_english_with_lang_en() {
    let first = first_line_of_a_first_build(&["--lang", "en", "list"], "ko_KR.UTF-8");
    assert!(
        first.starts_with("Building the checker for the first time"),
        "the first line: {first:?}"
    );
}

#[test]
fn it_becomes_the_checker_with_the_same_arguments_and_exit_code() {
    // The checker here is `sh` itself, its script the first arguments: no file written to run
    // (one written just before it runs may be "busy" while another test forks).
    let script = r#"echo "pid $$: $*"; exit 3"#;
    let run = Command::new(PRACTICE)
        .args(["-c", script, "sh", "--lang", "en", "check", "03"])
        .env("PRACTICE_CHECKER", "/bin/sh")
        .stdout(Stdio::piped())
        .spawn()
        .expect("start");
    let pid = run.id();
    let output = run.wait_with_output().expect("wait");
    assert_eq!(
        output.status.code(),
        Some(3),
        "{:?}",
        output.status.signal()
    );
    // The same process: the checker took the launcher's place (exec), it was not its child.
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        format!("pid {pid}: --lang en check 03\n")
    );
}
