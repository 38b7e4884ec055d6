//! The checker, run as a learner runs it, on copies of `exercises/`: every exercise's starting
//! state fails for its intended reason, every reference solution passes, and the commands
//! around them (list, hint, solution, watch, bad input) do what they say. One test binary (its
//! tests run side by side), a file per job:
//!
//! | file | what it shows |
//! |---|---|
//! | `checked.rs` | every exercise checked its way: starting state, wrong programs, right programs by another tool, solution |
//! | `answered.rs` | `println!` and a child's panic answered in words, not a crash |
//! | `commands.rs` | `list`, `hint`, `solution`, and bad input answered in one line |
//! | `one_list.rs` | `exercises/info.toml` followed everywhere |
//! | `interrupt.rs` | Ctrl-C or `q` in the middle of a hanging check leaves nothing |
//! | `starts.rs` | why each starting state fails |
//! | `watch.rs` | `watch` checks again when a file is saved |
//! | `terminal.rs` | `watch` in a real terminal (tmux) |
//!
//! The copies share one target folder (`target/practice-tests`), so `common` is built once; as
//! an exercise's binary there is named after its package whichever copy built it, the tests take
//! turns (`TURN`). The test that checks every exercise uses three copies side by side, each with
//! a target of its own (`target/practice-tests-copies/<k>`) that starts as a copy of the shared
//! one (`Exercises::copy`).

mod answered;
mod checked;
mod starts;
mod terminal;
use starts::STARTS;
mod commands;
mod interrupt;
mod one_list;
mod watch;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const PRACTICE: &str = env!("CARGO_BIN_EXE_practice-checker");

/// How long a run may take before it counts as a hang (`PRACTICE_HANG_SECS`), for the starting
/// states that hang on purpose (seven): they wait this out, and their report names what the
/// trace shows by then (which locks are held, who waits for whom), so they are given time to get
/// there however loaded the machine.
const HANG_SECS: &str = "8";

/// The same for a program whose report must not be a hang (a solution, a starting state that
/// fails for another reason). With six checkers side by side on two busy cores their runs take up
/// to about 3 s (the most measured: 3.2 s, 13's), yet two solutions' runs went past 8 s: 15's
/// (eleven workers, one after another) once in CI, 13's once in a soak at twelve side by side;
/// about 6,500 more runs of both, loaded the same way, were never stuck. A run that is stuck
/// never ends, so this wider margin costs nothing unless something is stuck, and still finds it.
const NOT_STUCK_SECS: &str = "30";

/// Held by each test for its whole length: one copy's binaries at a time in the shared target.
static TURN: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn turn() -> std::sync::MutexGuard<'static, ()> {
    TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .canonicalize()
        .expect("the workspace")
}

/// A copy of `exercises/` (without its `target/`), whose `common` and `check-protocol` are the
/// workspace's.
struct Exercises {
    dir: tempfile::TempDir,
    /// Whether the test keeps both cores busy while it runs the checker.
    cores_busy: bool,
    /// This copy's cargo target: by default the tests' shared one; for a copy of several
    /// checked side by side ([`Exercises::copy`]), one of its own.
    target: PathBuf,
}

/// The tests' shared target (and build dir) for the exercises.
fn shared_target() -> PathBuf {
    workspace().join("target/practice-tests")
}

/// Nothing the checker started on these exercises outlives the test: a passing test that leaves
/// a process of its copy (seen: 04's hanging run, started as `q` ended `watch`) fails here. Each
/// process the checker starts inherits `PRACTICE_EXERCISES`; a run whose checker ended is given
/// three seconds to go, then killed and named.
impl Drop for Exercises {
    fn drop(&mut self) {
        if std::thread::panicking() {
            return;
        }
        let mark = format!("PRACTICE_EXERCISES={}", self.path().display());
        let left = || -> Vec<(u32, String)> {
            let pids = std::fs::read_dir("/proc").expect("/proc").flatten();
            pids.filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
                .filter(|pid| {
                    std::fs::read(format!("/proc/{pid}/environ"))
                        .is_ok_and(|env| env.split(|b| *b == 0).any(|v| v == mark.as_bytes()))
                })
                .map(|pid| {
                    let exe = std::fs::read_link(format!("/proc/{pid}/exe")).unwrap_or_default();
                    (pid, exe.display().to_string())
                })
                .collect()
        };
        let deadline = Instant::now() + Duration::from_secs(3);
        let mut found = left();
        while !found.is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
            found = left();
        }
        for (pid, _) in &found {
            let pid = nix::unistd::Pid::from_raw(*pid as i32);
            let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
        }
        assert!(found.is_empty(), "left behind by the checker: {found:?}");
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("a name");
        if name == "target" {
            continue;
        }
        if path.is_dir() {
            copy_tree(&path, &to.join(name));
        } else {
            // With a new time, never the original's: cargo judges a path crate's freshness by
            // times, and a program another test built in the same target since (its `println!`
            // version) would be taken for this one (seen).
            std::fs::copy(&path, to.join(name)).expect("copy");
        }
    }
}

impl Exercises {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        copy_tree(&workspace().join("exercises"), dir.path());
        let manifest = dir.path().join("Cargo.toml");
        let text = std::fs::read_to_string(&manifest).expect("Cargo.toml");
        // `common` and `check-protocol` are the workspace's own (`path = "../..."`).
        let text = text.replace(
            "path = \"../",
            &format!("path = \"{}/", workspace().display()),
        );
        std::fs::write(&manifest, text).expect("write Cargo.toml");
        Exercises {
            dir,
            cores_busy: false,
            target: shared_target(),
        }
    }

    /// Copy `k` of several the same test checks side by side, with a cargo target of its own
    /// (`target/practice-tests-copies/<k>`): two copies may then build the same exercise at
    /// once. (One target with a build dir shared by the copies is not enough: an exercise's
    /// binary is the same build unit whichever copy it comes from, and one copy's program
    /// replaced another's.) The target starts as a copy of the shared one, so that `common` and
    /// the rest are not built again: [`Exercises::seed_target`].
    fn copy(k: usize) -> Self {
        let mut exercises = Exercises::new();
        exercises.target = workspace().join(format!("target/practice-tests-copies/{k}"));
        exercises
    }

    /// Makes this copy's target a copy of the shared one (`cp -a`: cargo finds what it built
    /// there fresh; a few seconds for most of a gigabyte).
    fn seed_target(&self) {
        let shared = shared_target();
        if self.target == shared {
            return;
        }
        let _ = std::fs::remove_dir_all(&self.target);
        std::fs::create_dir_all(self.target.parent().expect("a parent")).expect("mkdir");
        let status = Command::new("cp")
            .arg("-a")
            .arg(&shared)
            .arg(&self.target)
            .status()
            .expect("run cp");
        assert!(
            status.success(),
            "copy {} to {}",
            shared.display(),
            self.target.display()
        );
    }

    /// The environment cargo is given for this copy: its target.
    fn cargo_env(&self) -> [(&'static str, &Path); 1] {
        [("CARGO_TARGET_DIR", &self.target)]
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(PRACTICE);
        command
            .args(["--lang", "en"])
            .args(args)
            .env("PRACTICE_EXERCISES", self.path())
            .envs(self.cargo_env())
            .env("PRACTICE_HANG_SECS", HANG_SECS)
            .stdin(Stdio::null());
        if self.cores_busy {
            // The test keeps both cores busy for all its checkers: a run "with both cores
            // busy" adds no spinners of its own (six checkers would spin twelve more).
            command.env(harness::CORES_BUSY_ENV, "1");
        }
        command
    }

    /// `practice` as a Korean learner runs it: no `--lang`, a Korean `LANG`.
    fn in_korean(&self, args: &[&str]) -> Output {
        Command::new(PRACTICE)
            .args(args)
            .env("PRACTICE_EXERCISES", self.path())
            .env("LANG", "ko_KR.UTF-8")
            .output()
            .expect("run practice")
    }

    fn practice(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run practice")
    }

    /// [`Exercises::practice`] with a run counted as a hang after `secs`.
    fn practice_within(&self, secs: &str, args: &[&str]) -> Output {
        self.command(args)
            .env("PRACTICE_HANG_SECS", secs)
            .output()
            .expect("run practice")
    }

    /// [`Exercises::practice`] for a program whose report must not be a hang.
    fn practice_not_stuck(&self, args: &[&str]) -> Output {
        self.practice_within(NOT_STUCK_SECS, args)
    }

    /// Builds every starting state, and what they use, in one cargo call (and `common` once more
    /// as the first exercise alone selects it: cargo resolves features per selection), before
    /// the cores are kept busy: what is checked is how the programs run, and on a fresh target
    /// `common` and its dependencies take most of a minute. Some starting states do not compile
    /// (that is their lesson), so the status is not asked.
    fn build_starting_states(&self) {
        let first = &STARTS[0].0[3..];
        for selection in [&["--workspace", "--keep-going"][..], &["-p", first]] {
            let _ = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
                .args(["build", "--quiet"])
                .args(selection)
                .arg("--manifest-path")
                .arg(self.path().join("Cargo.toml"))
                .envs(self.cargo_env())
                // As `practice` builds them (`unsafe` forbidden), so that its first build of
                // each is not a new one.
                .env("RUSTC_WORKSPACE_WRAPPER", PRACTICE)
                .env("PRACTICE_AS_RUSTC", "1")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
    }

    /// Puts the reference solution of `folder` in place of the learner's code.
    fn solve(&self, folder: &str) {
        std::fs::copy(
            self.path()
                .join("solutions")
                .join(folder)
                .join("src/main.rs"),
            self.path().join(folder).join("src/main.rs"),
        )
        .expect("copy the solution");
    }
}

/// Runs `job` on every item, `width` at a time. The items of one call are distinct exercises, so
/// no two jobs build the same package at once and each exercise's binary in the shared target
/// stays its own. Most of a check is waiting (late starts, sleeps, hangs), so several at a time on
/// two cores are about as many times as fast.
fn in_parallel<T: Send>(items: Vec<T>, width: usize, job: impl Fn(T) + Sync) {
    let queue = std::sync::Mutex::new(items.into_iter());
    std::thread::scope(|scope| {
        for _ in 0..width {
            scope.spawn(|| {
                loop {
                    let next = queue.lock().unwrap_or_else(|p| p.into_inner()).next();
                    let Some(item) = next else { break };
                    job(item);
                }
            });
        }
    });
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}
