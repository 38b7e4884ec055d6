//! What one run of an example did.

use crate::Event;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::ExitStatus;
use std::time::Duration;

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

    /// The run that ended: `stdout` is `None` when it was still open when reading gave up (a
    /// child holding it).
    pub(crate) fn finish(
        description: String,
        pid: u32,
        status: ExitStatus,
        (elapsed, ended_ns): (Duration, u64),
        stdout: Option<Vec<String>>,
        stderr: String,
        trace_path: &Path,
    ) -> Run {
        let stdout_left_open = stdout.is_none();
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
            stdout: stdout.unwrap_or_default(),
            stderr,
            events,
            temp_left,
            stdout_left_open,
        }
    }

    /// Whether stdout was still open when reading it gave up (a child of the example held it).
    pub(crate) fn stdout_left_open(&self) -> bool {
        self.stdout_left_open
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
