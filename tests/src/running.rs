//! An example while it runs, and how its run ends: waited for, timed out or stopped, its
//! process group killed and reaped, its output drained.

use crate::reap::{Waited, kill_group, reap_group, wait_with_timeout};
use crate::{Event, Run};
use nix::sys::signal::Signal;
use nix::unistd::Pid;
use std::io::{BufRead, BufReader, Read};

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};

/// How long stdout may stay open after the example exited (a child still holding it).
const DRAIN_TIMEOUT: Duration = Duration::from_secs(10);

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
    /// The example just started as `child`: its output read on threads of their own (stdout
    /// after `delay`, and up to `limit` lines), its end awaited by [`Running::wait`].
    pub(crate) fn start(
        mut child: std::process::Child,
        description: String,
        started: Instant,
        (timeout, stop): (Duration, Option<Arc<AtomicBool>>),
        (limit, delay): (Option<usize>, Duration),
        trace_dir: tempfile::TempDir,
        trace_path: PathBuf,
    ) -> Running {
        let stdout = child.stdout.take().expect("piped stdout");
        let stderr = child.stderr.take().expect("piped stderr");
        Running {
            pid: child.id(),
            child,
            description,
            started,
            timeout,
            stop,
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
            self.stdout.recv_timeout(DRAIN_TIMEOUT).ok(),
            (self.stderr.recv_timeout(DRAIN_TIMEOUT))
                .unwrap_or_default()
                .concat(),
            &self.trace_path,
        );
        if run.stdout_left_open() {
            kill_group(pid);
            reap_group(pid);
        }
        crate::groups::remove(pid);
        let ending = Ending {
            timed_out: timed_out.then_some(self.timeout),
            stopped,
            still_running,
            stdout_left_open: run.stdout_left_open(),
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
