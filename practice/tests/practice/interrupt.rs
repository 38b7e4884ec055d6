//! Ctrl-C or `q` during a hanging check: nothing of it is left, zombies included.

use super::*;

/// Every process below `root` (its children, theirs...), from `/proc`.
pub(super) fn descendants(root: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .expect("/proc")
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let ppid = stat.rsplit_once(") ")?.1.split(' ').nth(1)?.parse().ok()?;
            Some((pid, ppid))
        })
        .collect();
    let mut found = vec![root];
    let mut at = 0;
    while at < found.len() {
        let parent = found[at];
        found.extend(
            parents
                .iter()
                .filter(|(_, p)| *p == parent)
                .map(|(pid, _)| *pid),
        );
        at += 1;
    }
    found.remove(0);
    found
}

/// Whether `pid` is gone or only a zombie (dead, waiting for whoever adopted it).
pub(super) fn dead(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            stat.rsplit_once(") ")
                .map(|(_, rest)| rest.starts_with('Z'))
        })
        .unwrap_or(true)
}

/// A program that never ends: its main thread waits for nothing that comes.
pub(super) const HANGS: &str = "fn main() {\n    common::say!(\"main thread start\");\n    loop {\n        std::thread::park();\n    }\n}\n";

/// Starts `practice` with `args` on a copy of the exercises whose 01 hangs, and waits until a
/// run of 01 is under way; the checker and the processes below it then.
fn hanging_check(args: &[&str], stdin: Stdio) -> (Exercises, std::process::Child, Vec<u32>) {
    let exercises = Exercises::new();
    std::fs::write(
        exercises.path().join("01-join-the-threads/src/main.rs"),
        HANGS,
    )
    .expect("write a hanging 01");
    let mut command = exercises.command(args);
    command.env("PRACTICE_HANG_SECS", "60");
    let mut practice = command
        .stdin(stdin)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start practice");
    let deadline = Instant::now() + Duration::from_secs(180);
    let below = loop {
        let runs = (descendants(practice.id()).iter())
            .filter(|pid| {
                std::fs::read_link(format!("/proc/{pid}/exe"))
                    .is_ok_and(|exe| exe.ends_with("join-the-threads"))
            })
            .count();
        // The check's three runs, started side by side: wait until all are there (with both
        // cores busy, half a second after the first was seen once too short).
        if runs >= 3 {
            break Some(descendants(practice.id()));
        }
        if Instant::now() >= deadline {
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let Some(below) = below else {
        let _ = practice.kill();
        let _ = practice.wait();
        panic!("01 never ran under {args:?}");
    };
    (exercises, practice, below)
}

/// Whether `pid` is gone altogether: not even a zombie is left (the checker reaped it).
fn gone(pid: u32) -> bool {
    !std::path::Path::new(&format!("/proc/{pid}")).exists()
}

/// Waits up to a second for the checker to end and for each of `below` to be gone, zombies
/// included: the checker reaps what it ended before it ends.
fn nothing_left_within_a_second(
    mut practice: std::process::Child,
    below: &[u32],
) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + Duration::from_secs(1);
    let mut status = None;
    while Instant::now() < deadline {
        status = status.or_else(|| practice.try_wait().expect("wait"));
        if status.is_some() && below.iter().all(|pid| gone(*pid)) {
            return status;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let left: Vec<(&u32, bool)> = (below.iter())
        .filter(|pid| !gone(**pid))
        .map(|pid| (pid, dead(*pid)))
        .collect();
    let _ = practice.kill();
    let _ = practice.wait();
    for (pid, _) in &left {
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(**pid as i32),
            nix::sys::signal::Signal::SIGKILL,
        );
    }
    panic!("a second later: checker {status:?}, still there below it (pid, zombie): {left:?}");
}

/// Ctrl-C (SIGINT), SIGTERM and a closed terminal (SIGHUP) each end the checker by that signal,
/// and nothing of the check is left, not even a zombie.
#[test]
fn a_signal_during_a_hanging_check_leaves_nothing() {
    use nix::sys::signal::Signal;
    let _turn = turn();
    for signal in [Signal::SIGINT, Signal::SIGTERM, Signal::SIGHUP] {
        let (_exercises, practice, below) = hanging_check(&["check", "01"], Stdio::null());
        assert!(below.len() >= 3, "the check's runs: {below:?}");
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(practice.id() as i32), signal)
            .expect("send the signal");
        let status = nothing_left_within_a_second(practice, &below);
        assert_eq!(
            status.and_then(|s| std::os::unix::process::ExitStatusExt::signal(&s)),
            Some(signal as i32),
            "ended by its {signal}"
        );
    }
}

#[test]
fn q_during_a_hanging_check_in_watch_leaves_nothing() {
    let _turn = turn();
    let (_exercises, mut practice, below) = hanging_check(&["watch"], Stdio::piped());
    let mut keys = practice.stdin.take().expect("stdin");
    std::io::Write::write_all(&mut keys, b"q").expect("type q");
    let status = nothing_left_within_a_second(practice, &below);
    assert!(
        status.is_some_and(|s| s.success()),
        "q ends watch: {status:?}"
    );
}
