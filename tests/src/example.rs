//! Starting an example: the binary and its settings ([`Example`]), [`run`] for the usual case.

use crate::Run;
use crate::running::Running;
use nix::sys::signal::Signal;
use std::ffi::{OsStr, OsString};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

/// The time scale tests run at: the notes' 3 s sleep takes 150 ms, the chapter about a second.
/// Orders that rest on a sleep are asserted only where the margin is at least 100 ms at this scale.
pub const TEST_SCALE: f64 = 0.05;

/// How long a run may take before its process group is killed and the test fails.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// One example binary to run, with its settings. [`run`] is the usual shortcut.
#[derive(Debug, Clone)]
pub struct Example {
    bin: PathBuf,
    args: Vec<OsString>,
    env: Vec<(OsString, Option<OsString>)>,
    scale: f64,
    timeout: Duration,
    close_stdout_after: Option<usize>,
    read_delay: Duration,
    stop: Option<Arc<AtomicBool>>,
}

/// Runs `bin` at [`TEST_SCALE`] with a fresh trace and returns what happened.
pub fn run(bin: impl AsRef<Path>) -> Run {
    Example::new(bin).run()
}

impl Example {
    /// An example binary, usually `env!("CARGO_BIN_EXE_<name>")`.
    pub fn new(bin: impl AsRef<Path>) -> Self {
        Example {
            bin: bin.as_ref().to_owned(),
            args: Vec::new(),
            env: Vec::new(),
            scale: TEST_SCALE,
            timeout: DEFAULT_TIMEOUT,
            close_stdout_after: None,
            read_delay: Duration::ZERO,
            stop: None,
        }
    }

    /// Sets `TUTORIAL_TIME_SCALE` (default [`TEST_SCALE`]).
    pub fn scale(mut self, scale: f64) -> Self {
        self.scale = scale;
        self
    }

    /// Adds a command-line argument.
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    /// Adds command-line arguments.
    pub fn args<I: IntoIterator<Item = S>, S: AsRef<OsStr>>(mut self, args: I) -> Self {
        self.args
            .extend(args.into_iter().map(|arg| arg.as_ref().to_owned()));
        self
    }

    /// Sets an environment variable; it wins over the harness's own settings.
    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Self {
        self.env
            .push((key.as_ref().to_owned(), Some(value.as_ref().to_owned())));
        self
    }

    /// Removes an environment variable, the harness's own ones included.
    pub fn env_remove(mut self, key: impl AsRef<OsStr>) -> Self {
        self.env.push((key.as_ref().to_owned(), None));
        self
    }

    /// Fails the run if it lasts longer than `timeout` (default 60 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Reads `lines` lines of stdout, then closes it, as `| head -n <lines>` does.
    pub fn close_stdout_after(mut self, lines: usize) -> Self {
        self.close_stdout_after = Some(lines);
        self
    }

    /// Leaves stdout unread for `delay` first, so that its pipe fills up and writers block.
    pub fn read_delay(mut self, delay: Duration) -> Self {
        self.read_delay = delay;
        self
    }

    /// Ends the run early, its process group killed, once `stop` is set: a checker whose answer
    /// is already known from another run stops this one ([`Ending::stopped`]).
    pub fn stop_when(mut self, stop: Arc<AtomicBool>) -> Self {
        self.stop = Some(stop);
        self
    }

    /// Runs the example to its end (or to the timeout) and captures what it did.
    pub fn run(self) -> Run {
        self.spawn().wait()
    }

    /// Starts the example and returns at once, to watch its trace or signal it while it runs.
    pub fn spawn(self) -> Running {
        crate::reap::become_subreaper();
        let trace_dir = tempfile::tempdir().expect("create a temporary directory for the trace");
        let trace_path = trace_dir.path().join("trace.jsonl");
        // Its own temporary directory, to see what it leaves there (an `ipc-channel` one-shot
        // server's socket, a spawned child's handoff).
        let temp = trace_dir.path().join("tmp");
        std::fs::create_dir(&temp).expect("create the example's temporary directory");
        let mut command = Command::new(&self.bin);
        command
            .args(&self.args)
            .env("TMPDIR", &temp)
            .env("TUTORIAL_TIME_SCALE", self.scale.to_string())
            .env("TUTORIAL_TRACE", &trace_path)
            .env_remove("TUTORIAL_SHOW")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            // A group of its own, so that a timeout can kill the example and all its children.
            .process_group(0);
        // A shell that runs the tests in the background ignores SIGINT and SIGQUIT, and the
        // example would inherit that: give it the default actions, as a terminal would.
        // SAFETY: between fork and exec only async-signal-safe calls are allowed, and
        // `signal(2)` is one; nothing is allocated or locked.
        unsafe {
            command.pre_exec(|| {
                for signal in [Signal::SIGINT, Signal::SIGQUIT] {
                    nix::sys::signal::signal(signal, nix::sys::signal::SigHandler::SigDfl)?;
                }
                Ok(())
            });
        }
        for (key, value) in &self.env {
            match value {
                Some(value) => command.env(key, value),
                None => command.env_remove(key),
            };
        }
        let description = format!(
            "{} {:?} (scale {})",
            self.bin.display(),
            self.args,
            self.scale
        );
        count_run(&self.bin);
        let started = Instant::now();
        let child = crate::groups::spawn(&mut command)
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", self.bin.display()));
        Running::start(
            child,
            description,
            started,
            (self.timeout, self.stop),
            (self.close_stdout_after, self.read_delay),
            trace_dir,
            trace_path,
        )
    }
}

/// With `HARNESS_RUN_LOG` set to a file, appends the binary's name to it for every run: how
/// many times `cargo test` runs each example (`sort | uniq -c` counts them).
fn count_run(bin: &Path) {
    if let Some(log) = std::env::var_os("HARNESS_RUN_LOG") {
        let name = bin.file_name().unwrap_or_default().to_string_lossy();
        let line = format!("{name}\n");
        if let Ok(mut file) = std::fs::File::options().append(true).create(true).open(log) {
            let _ = std::io::Write::write_all(&mut file, line.as_bytes());
        }
    }
}
