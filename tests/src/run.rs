//! Starting an example and capturing what it did.

use crate::Event;
use nix::sys::signal::{Signal, killpg};
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::Pid;
use std::ffi::{OsStr, OsString};
use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};

/// The time scale tests run at: the notes' 3 s sleep takes 150 ms, the chapter about a second.
/// Orders that rest on a sleep are asserted only where the margin is at least 100 ms at this scale.
pub const TEST_SCALE: f64 = 0.05;

/// How long a run may take before its process group is killed and the test fails.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// How long stdout may stay open after the example exited (a child still holding it).
const DRAIN_TIMEOUT: Duration = Duration::from_secs(10);

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
        let mut child = command
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", self.bin.display()));
        crate::groups::add(child.id());
        let stdout = child.stdout.take().expect("piped stdout");
        let stderr = child.stderr.take().expect("piped stderr");
        let (limit, delay) = (self.close_stdout_after, self.read_delay);
        Running {
            pid: child.id(),
            child,
            description,
            started,
            timeout: self.timeout,
            stop: self.stop,
            stdout: drain(move || {
                thread::sleep(delay);
                read_lines(stdout, limit)
            }),
            stderr: drain(move || {
                let mut bytes = Vec::new();
                let _ = BufReader::new(stderr).read_to_end(&mut bytes);
                vec![String::from_utf8_lossy(&bytes).into_owned()]
            }),
            trace_path,
            _trace_dir: trace_dir,
            waited: false,
        }
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

/// An example that is still running (see [`Example::spawn`]).
#[derive(Debug)]
pub struct Running {
    /// The example's PID.
    pub pid: u32,
    child: std::process::Child,
    description: String,
    started: Instant,
    timeout: Duration,
    stop: Option<Arc<AtomicBool>>,
    stdout: mpsc::Receiver<Vec<String>>,
    stderr: mpsc::Receiver<Vec<String>>,
    trace_path: PathBuf,
    _trace_dir: tempfile::TempDir,
    waited: bool,
}

impl Drop for Running {
    /// A test that fails before `wait` must not leave the example running.
    fn drop(&mut self) {
        if !self.waited {
            kill_group(self.pid);
            let _ = self.child.wait();
            reap_group(self.pid);
            crate::groups::remove(self.pid);
        }
    }
}

impl Running {
    /// The trace so far.
    pub fn events(&self) -> Vec<Event> {
        common::trace::read(&self.trace_path).unwrap_or_default()
    }

    /// Waits until `done` holds for the trace so far, checking every 20 ms; whether it did within
    /// `timeout`.
    pub fn wait_for_trace(&self, timeout: Duration, done: impl Fn(&[Event]) -> bool) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            if done(&self.events()) {
                return true;
            }
            if Instant::now() >= deadline {
                return false;
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether the example has exited (a zombie waiting for `wait`, or gone).
    pub fn has_exited(&self) -> bool {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid)).unwrap_or_default();
        stat.rsplit_once(") ")
            .is_none_or(|(_, rest)| rest.starts_with('Z'))
    }

    /// Sends `signal` to the example (its main process only, not its group).
    pub fn signal(&self, signal: Signal) {
        let _ = nix::sys::signal::kill(Pid::from_raw(self.pid as i32), signal);
    }

    /// Waits for the example to end (or to the timeout) and captures what it did.
    pub fn wait(self) -> Run {
        let (run, ending) = self.finish();
        if ending.stopped {
            run.fail("stopped before its end");
        }
        if let Some(timeout) = ending.timed_out {
            run.fail(&format!(
                "timed out after {timeout:?}; the process group was killed"
            ));
        }
        if ending.stdout_left_open {
            run.fail(
                "the example exited, but something (a child it left behind?) kept its stdout open",
            );
        }
        run
    }

    /// [`Running::wait`] without failing: what it did, and how it ended (for a checker that
    /// reports a hang in its own words).
    pub fn finish(mut self) -> (Run, Ending) {
        let pid = self.pid;
        self.waited = true;
        let waited = wait_with_timeout(&mut self.child, self.timeout, self.stop.as_deref());
        let ended_ns = common::trace::monotonic_ns();
        let elapsed = self.started.elapsed();
        let (status, timed_out, stopped) = match waited {
            Waited::Exited(status) => (Some(status), false, false),
            Waited::TimedOut => (None, true, false),
            Waited::Stopped => (None, false, true),
        };
        // What was still running when the time ran out, seen before the group is killed.
        let still_running = if timed_out {
            threads_of_tree(pid)
        } else {
            Vec::new()
        };
        let status = status.unwrap_or_else(|| {
            kill_group(pid);
            let status = self.child.wait().expect("wait after kill");
            reap_group(pid);
            status
        });
        let run = Run::finish(
            std::mem::take(&mut self.description),
            pid,
            status,
            (elapsed, ended_ns),
            std::mem::replace(&mut self.stdout, mpsc::channel().1),
            std::mem::replace(&mut self.stderr, mpsc::channel().1),
            &self.trace_path,
        );
        if run.stdout_left_open {
            kill_group(pid);
            reap_group(pid);
        }
        crate::groups::remove(pid);
        let ending = Ending {
            timed_out: timed_out.then_some(self.timeout),
            stopped,
            still_running,
            stdout_left_open: run.stdout_left_open,
        };
        (run, ending)
    }
}

/// How a run ended, beyond its exit status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ending {
    /// It ran past its timeout (this long) and its process group was killed.
    pub timed_out: Option<Duration>,
    /// It was stopped, its process group killed, before its end ([`Example::stop_when`]).
    pub stopped: bool,
    /// At a timeout, every thread of the example and of its descendants that was still there,
    /// from `/proc`, the example's own first.
    pub still_running: Vec<StillThere>,
    /// It exited, but something (a child it left behind?) kept its stdout open.
    pub stdout_left_open: bool,
}

/// A thread still there when a run reached its timeout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StillThere {
    /// Its process.
    pub pid: u32,
    /// Its process's name as `/proc` has it (15 bytes at most).
    pub process: String,
    /// `main` for a process's first thread, else the thread's name.
    pub thread: String,
    /// On a core or ready for one (`R`), not asleep waiting for something: a thread that spins
    /// is runnable, one that waits for a lock, a message or a child is not.
    pub runnable: bool,
}

/// The threads of `pid` and of every descendant, from `/proc/<pid>/task/*/{comm,stat,children}`.
fn threads_of_tree(pid: u32) -> Vec<StillThere> {
    let read = |path: String| std::fs::read_to_string(path).unwrap_or_default();
    let mut found = Vec::new();
    let mut pids = vec![pid];
    while let Some(pid) = pids.pop() {
        let process = read(format!("/proc/{pid}/comm")).trim().to_owned();
        // A zombie has ended; it only waits to be reaped.
        let stat = read(format!("/proc/{pid}/stat"));
        if stat
            .rsplit_once(") ")
            .is_some_and(|(_, rest)| rest.starts_with('Z'))
        {
            continue;
        }
        let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
            continue;
        };
        let mut tasks: Vec<u32> = tasks
            .flatten()
            .filter_map(|t| t.file_name().to_str()?.parse().ok())
            .collect();
        tasks.sort();
        for task in tasks {
            // A process's first thread is its main thread, whatever `comm` it has taken.
            let thread = if task == pid {
                "main".to_owned()
            } else {
                read(format!("/proc/{pid}/task/{task}/comm"))
                    .trim()
                    .to_owned()
            };
            let stat = read(format!("/proc/{pid}/task/{task}/stat"));
            let runnable = stat
                .rsplit_once(") ")
                .is_some_and(|(_, rest)| rest.starts_with('R'));
            found.push(StillThere {
                pid,
                process: process.clone(),
                thread,
                runnable,
            });
            let children = read(format!("/proc/{pid}/task/{task}/children"));
            pids.extend(
                children
                    .split_whitespace()
                    .filter_map(|c| c.parse::<u32>().ok()),
            );
        }
    }
    found
}

/// Reads stdout line by line; after `limit` lines, closes it (drops the pipe's read end).
fn read_lines(stdout: impl Read, limit: Option<usize>) -> Vec<String> {
    let mut lines = Vec::new();
    let mut reader = BufReader::new(stdout);
    let mut buf = Vec::new();
    while limit.is_none_or(|limit| lines.len() < limit) {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => break,
            Ok(_) => {
                let line = String::from_utf8_lossy(&buf);
                lines.push(line.strip_suffix('\n').unwrap_or(&line).to_owned());
            }
        }
    }
    lines
}

/// Runs a reader on a thread of its own; its result arrives on the returned channel.
fn drain(read: impl FnOnce() -> Vec<String> + Send + 'static) -> mpsc::Receiver<Vec<String>> {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let _ = sender.send(read());
    });
    receiver
}

/// How a wait for the example ended.
enum Waited {
    Exited(ExitStatus),
    TimedOut,
    Stopped,
}

fn wait_with_timeout(
    child: &mut std::process::Child,
    timeout: Duration,
    stop: Option<&AtomicBool>,
) -> Waited {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait().expect("wait for the example") {
            return Waited::Exited(status);
        }
        if Instant::now() >= deadline {
            return Waited::TimedOut;
        }
        if stop.is_some_and(|stop| stop.load(Ordering::Relaxed)) {
            return Waited::Stopped;
        }
        thread::sleep(Duration::from_millis(5));
    }
}

fn kill_group(pid: u32) {
    let _ = killpg(Pid::from_raw(pid as i32), Signal::SIGKILL);
}

/// Once the killed group's leader is reaped: reaps the rest of the group as it comes to this
/// process (a subreaper: each member is handed to it when its parent dies), so that a killed run
/// leaves no zombie behind for the rest of the test. Done when none of the group is a child of
/// this process any more (a member whose parent left the group is not waited for).
fn reap_group(pid: u32) {
    let group = Pid::from_raw(-(pid as i32));
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        match waitpid(group, Some(WaitPidFlag::WNOHANG)) {
            Ok(WaitStatus::StillAlive) if Instant::now() < deadline => {
                thread::sleep(Duration::from_millis(1));
            }
            Ok(WaitStatus::StillAlive) => return,
            Ok(_) => {}
            // ECHILD: no member of the group is a child of this process.
            Err(_) => return,
        }
    }
}

/// What one run of an example did. The `assert_*` methods state the notes' claims about it;
/// a failing one prints the whole run.
#[derive(Debug)]
pub struct Run {
    /// The binary, its arguments and the scale.
    pub description: String,
    /// The example's own PID (the `MainProcess`).
    pub pid: u32,
    /// How it ended.
    pub status: ExitStatus,
    /// Wall time from start to exit.
    pub elapsed: Duration,
    /// `CLOCK_MONOTONIC` (the trace's clock) when the exit was seen, within the 5 ms the wait
    /// polls at: how long after its last worker the program ended.
    pub ended_ns: u64,
    /// Every line it printed, in the order stdout received them.
    pub stdout: Vec<String>,
    /// Everything it wrote to stderr.
    pub stderr: String,
    /// The trace: one event per printed line, with who printed it.
    pub events: Vec<Event>,
    /// What is left in its temporary directory (`TMPDIR`) once it has exited.
    pub temp_left: Vec<String>,
    stdout_left_open: bool,
}

impl Run {
    /// A run made by hand, for the tests of code that reads runs (a checker's diagnoses): exit
    /// code 0, no stdout.
    pub fn from_parts(pid: u32, stderr: &str, events: Vec<Event>) -> Run {
        use std::os::unix::process::ExitStatusExt;
        Run {
            description: "a run made by hand".into(),
            pid,
            status: ExitStatus::from_raw(0),
            elapsed: Duration::ZERO,
            ended_ns: 0,
            stdout: Vec::new(),
            stderr: stderr.into(),
            events,
            temp_left: Vec::new(),
            stdout_left_open: false,
        }
    }

    fn finish(
        description: String,
        pid: u32,
        status: ExitStatus,
        (elapsed, ended_ns): (Duration, u64),
        stdout: mpsc::Receiver<Vec<String>>,
        stderr: mpsc::Receiver<Vec<String>>,
        trace_path: &Path,
    ) -> Run {
        let stdout_lines = stdout.recv_timeout(DRAIN_TIMEOUT);
        let stdout_left_open = stdout_lines.is_err();
        let stderr = stderr
            .recv_timeout(DRAIN_TIMEOUT)
            .unwrap_or_default()
            .concat();
        let events = match common::trace::read(trace_path) {
            Ok(events) => events,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => panic!("unreadable trace: {e}"),
        };
        let temp = trace_path.with_file_name("tmp");
        let temp_left = std::fs::read_dir(temp)
            .map(|dir| {
                dir.filter_map(|entry| entry.ok())
                    .map(|entry| entry.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        Run {
            description,
            pid,
            status,
            elapsed,
            ended_ns,
            stdout: stdout_lines.unwrap_or_default(),
            stderr,
            events,
            temp_left,
            stdout_left_open,
        }
    }

    /// Fails the test with `what` and the whole run: status, stdout, stderr and the trace.
    #[track_caller]
    pub fn fail(&self, what: &str) -> ! {
        let mut report = format!(
            "{what}\n--- run: {}\n--- status: {} (exit code {:?}, signal {:?}), {:?}\n--- stdout:\n",
            self.description,
            self.status,
            self.status.code(),
            self.status.signal(),
            self.elapsed
        );
        for (index, line) in self.stdout.iter().enumerate() {
            report.push_str(&format!("{index:>4} | {line}\n"));
        }
        report.push_str(&format!("--- stderr:\n{}--- trace:\n", self.stderr));
        for event in &self.events {
            report.push_str(&format!(
                "  t={:>12} pid={} ppid={} {}/{} | {}\n",
                event.t_ns, event.pid, event.ppid, event.process, event.thread, event.msg
            ));
        }
        panic!("{report}");
    }
}
