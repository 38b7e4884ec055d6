//! `watch` in a real terminal (a tmux pane): the screen names the file, keeps a pass, follows
//! another file, and `q` gives the terminal back.

use super::interrupt::{HANGS, dead, descendants};
use super::*;

/// The hang limit of a pane whose checks must pass: as `NOT_STUCK_SECS`, wide, for a machine
/// with both cores busy (at 10 s, a loop of 20 saw the 01 solution's threads not yet printing
/// when the limit came, with five test processes beside it).
const NOT_STUCK: u32 = 30;

/// `practice --lang en watch` in a real terminal (a tmux pane: its keys go through the terminal's
/// raw mode), on a copy of the exercises; the pane's shell then reports the terminal's modes
/// (`stty -a`) and waits. `None` where tmux is missing (never in CI: `.ci/run` installs it).
struct Pane {
    session: String,
    /// The pane's shell, the checker's parent.
    pid: u32,
}

impl Pane {
    fn start(exercises: &Exercises, hang_secs: u32) -> Option<Pane> {
        Pane::sized(exercises, hang_secs, 50)
    }

    /// [`Pane::start`] on a terminal of `rows` rows (160 columns).
    fn sized(exercises: &Exercises, hang_secs: u32, rows: u16) -> Option<Pane> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                std::env::var_os("CI").is_none(),
                "tmux is missing (.ci/run installs it)"
            );
            eprintln!("skipped: tmux is not installed");
            return None;
        }
        static PANES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let session = format!(
            "practice-test-{}-{}",
            std::process::id(),
            PANES.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        );
        let script = format!(
            "PRACTICE_EXERCISES='{}' CARGO_TARGET_DIR='{}' PRACTICE_HANG_SECS={hang_secs} '{PRACTICE}' --lang en watch; stty -a; sleep 30",
            exercises.path().display(),
            workspace().join("target/practice-tests").display(),
        );
        let started = tmux(&[
            "new-session",
            "-d",
            "-s",
            &session,
            "-x",
            "160",
            "-y",
            &rows.to_string(),
            &script,
        ]);
        assert!(
            started.status.success(),
            "{}",
            String::from_utf8_lossy(&started.stderr)
        );
        let pid = String::from_utf8_lossy(
            &tmux(&["display", "-p", "-t", &session, "#{pane_pid}"]).stdout,
        )
        .trim()
        .parse()
        .expect("the pane's pid");
        Some(Pane { session, pid })
    }

    /// What the pane shows now.
    fn screen(&self) -> String {
        String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", &self.session]).stdout)
            .into_owned()
    }

    fn press(&self, key: &str) {
        tmux(&["send-keys", "-t", &self.session, key]);
    }

    /// The first screen that shows `text`, looked at every 50 ms for up to `secs` seconds.
    fn wait_for(&self, text: &str, secs: u64) -> String {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let shown = self.screen();
            if shown.contains(text) {
                return shown;
            }
            assert!(
                Instant::now() < deadline,
                "no {text:?} on the screen:\n{shown}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Pane {
    fn drop(&mut self) {
        tmux(&["kill-session", "-t", &self.session]);
    }
}

fn tmux(args: &[&str]) -> Output {
    Command::new("tmux").args(args).output().expect("run tmux")
}

/// In a terminal: the screen names the file to edit, `q` in the middle of a hanging check ends
/// `watch` within a second, leaving no process, and the terminal is put back (line mode and
/// echo, as `stty` reports them).
#[test]
fn watch_in_a_terminal_names_the_file_and_q_ends_it() {
    let _turn = turn();
    let exercises = Exercises::new();
    std::fs::write(
        exercises.path().join("01-join-the-threads/src/main.rs"),
        HANGS,
    )
    .expect("write a hanging 01");
    let Some(pane) = Pane::start(&exercises, 60) else {
        return;
    };
    let deadline = Instant::now() + Duration::from_secs(180);
    let file = exercises.path().join("01-join-the-threads/src/main.rs");
    let below = loop {
        let running = descendants(pane.pid).iter().any(|pid| {
            std::fs::read_link(format!("/proc/{pid}/exe"))
                .is_ok_and(|exe| exe.ends_with("join-the-threads"))
        });
        if running {
            std::thread::sleep(Duration::from_millis(500));
            break descendants(pane.pid);
        }
        assert!(
            Instant::now() < deadline,
            "01 never ran:\n{}",
            pane.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    let shown = pane.screen();
    let named = shown.contains(&format!("the file to edit: {}", file.display()));
    pane.press("q");
    let quit = Instant::now() + Duration::from_secs(1);
    let mut left: Vec<u32> = below.clone();
    while Instant::now() < quit {
        // The checker and what it started; the pane's shell goes on (`stty`, then a sleep).
        left = below
            .iter()
            .copied()
            .filter(|pid| !dead(*pid) && *pid != pane.pid)
            .collect();
        left.retain(|pid| {
            !std::fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|c| c.trim() == "sleep")
        });
        if left.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    // The shell's `stty -a` then reports the modes (its line names "icanon", or "-icanon").
    let after = pane.wait_for("icanon", 30);
    drop(pane);
    for pid in &left {
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(*pid as i32),
            nix::sys::signal::Signal::SIGKILL,
        );
    }
    assert!(
        named,
        "the screen does not name {}:\n{shown}",
        file.display()
    );
    assert!(
        left.is_empty(),
        "a second after q, still running: {left:?}\n{after}"
    );
    let modes = after.split_whitespace().collect::<Vec<_>>();
    assert!(
        modes.contains(&"icanon") && modes.contains(&"echo"),
        "the terminal was not put back:\n{after}"
    );
}

/// In a terminal: a pass stays on the screen while the pause counts down (every screen from the
/// first that shows the pass to the next exercise's shows it, and the count goes down: a screen
/// is looked at every 50 ms across a 5 s pause, a margin of 100 looks for two numbers); then a
/// change saved to another exercise's file checks that one.
#[test]
fn watch_in_a_terminal_keeps_a_pass_and_follows_another_file() {
    let _turn = turn();
    let exercises = Exercises::new();
    let Some(pane) = Pane::start(&exercises, NOT_STUCK) else {
        return;
    };
    pane.wait_for("save a change to check again", 180);
    exercises.solve("01-join-the-threads");
    pane.wait_for("✓ 01", 120);
    // The header counts the pass it shows: rewritten in place as 01 passes.
    let passed = pane.wait_for("passed 1/36", 30);
    let header = passed.lines().next().unwrap_or("");
    assert!(
        header.contains("checking 01") && header.contains("passed 1/36"),
        "the header does not count the pass:\n{passed}"
    );
    let mut counted = Vec::new();
    let next = loop {
        let shown = pane.screen();
        if shown.contains("checking 02") {
            break shown;
        }
        assert!(shown.contains("✓ 01"), "the pass is gone:\n{shown}");
        if let Some(left) = shown
            .split("or wait ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .and_then(|n| n.parse::<u32>().ok())
            && counted.last() != Some(&left)
        {
            counted.push(left);
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(
        counted.len() >= 2 && counted.windows(2).all(|w| w[0] > w[1]),
        "the pause did not count down: {counted:?}\n{next}"
    );
    pane.wait_for("save a change to check again", 120);
    let other = exercises.path().join("05-send-num-back/src/main.rs");
    let mut text = std::fs::read_to_string(&other).expect("read 05");
    text.push_str("// a change\n");
    std::fs::write(&other, text).expect("save 05");
    // The header and the file's line are drawn one after the other: wait for the file's line
    // (seen: the screen caught between the two).
    let shown = pane.wait_for(&format!("the file to edit: {}", other.display()), 120);
    assert!(shown.contains("checking 05 send-num-back"), "{shown}");
}

/// In a 24-row terminal: `p` goes back to a passed exercise and stays on it (ten seconds without
/// a key: twice the pause after a pass that `watch` came to by itself); `l` shows a list that
/// keeps its header on the first line while the mark moves past the page, and Enter checks the
/// exercise marked.
#[test]
fn p_stays_on_a_pass_and_l_fits_a_small_terminal() {
    let _turn = turn();
    let exercises = Exercises::new();
    let Some(pane) = Pane::sized(&exercises, NOT_STUCK, 24) else {
        return;
    };
    pane.wait_for("save a change to check again", 180);
    exercises.solve("01-join-the-threads");
    pane.wait_for("✓ 01", 120);
    pane.wait_for("checking 02", 30);
    pane.wait_for("save a change to check again", 120);
    pane.press("p");
    pane.wait_for("checking 01", 30);
    pane.wait_for("✓ 01", 120);
    let stay = Instant::now() + Duration::from_secs(10);
    while Instant::now() < stay {
        let shown = pane.screen();
        assert!(
            shown.contains("checking 01") && shown.contains("✓ 01"),
            "p did not stay on the passed 01:\n{shown}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    pane.press("l");
    let list = pane.wait_for("(lines 1–", 10);
    assert!(
        list.lines()
            .next()
            .is_some_and(|l| l.starts_with("Exercises (passed 1/36")),
        "the list's header is not on the first line:\n{list}"
    );
    assert!(
        list.contains("> ✓ 01 join-the-threads"),
        "the mark is not on 01:\n{list}"
    );
    for _ in 0..30 {
        pane.press("Down");
    }
    // 30 down from 01: 31, past the first page.
    let moved = pane.wait_for("> ✗ 31 ", 10);
    assert!(
        moved
            .lines()
            .next()
            .is_some_and(|l| l.starts_with("Exercises (passed 1/36")),
        "paging lost the header:\n{moved}"
    );
    assert!(
        !moved.contains(" 01 join-the-threads"),
        "no page turned:\n{moved}"
    );
    assert!(moved.lines().count() <= 24, "{moved}");
    pane.press("Enter");
    let checked = pane.wait_for("checking 31", 30);
    assert!(!checked.contains("(lines "), "the list stayed:\n{checked}");
}
