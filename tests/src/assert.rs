//! The assertions, named for what they mean. Orders come from stdout; identities from the trace.

use crate::{Event, Kind, Pattern, Run};
use std::os::unix::process::ExitStatusExt;

impl Run {
    /// Indexes of the stdout lines that match.
    pub fn lines_matching(&self, pattern: impl Into<Pattern>) -> Vec<usize> {
        let pattern = pattern.into();
        (0..self.stdout.len())
            .filter(|&i| pattern.matches(&self.stdout[i]))
            .collect()
    }

    /// The trace events of printed lines that match.
    pub fn events_matching(&self, pattern: impl Into<Pattern>) -> Vec<&Event> {
        let pattern = pattern.into();
        self.events
            .iter()
            .filter(|event| event.kind == Kind::Say && pattern.matches(&event.msg))
            .collect()
    }

    /// The printed lines' trace events (kind `say`), in trace order.
    pub fn said(&self) -> Vec<&Event> {
        self.events_of_kind(Kind::Say)
    }

    /// The trace events of this kind.
    pub fn events_of_kind(&self, kind: Kind) -> Vec<&Event> {
        self.events
            .iter()
            .filter(|event| event.kind == kind)
            .collect()
    }

    /// The one trace event whose line matches; fails unless there is exactly one.
    #[track_caller]
    pub fn event(&self, pattern: impl Into<Pattern>) -> &Event {
        let pattern = pattern.into();
        match self.events_matching(pattern.clone()).as_slice() {
            [event] => event,
            found => self.fail(&format!(
                "expected one trace event for {pattern}, found {}",
                found.len()
            )),
        }
    }

    /// The program exited with status 0.
    #[track_caller]
    pub fn assert_success(&self) {
        if !self.status.success() {
            self.fail("expected exit status 0");
        }
    }

    /// The program exited with this status.
    #[track_caller]
    pub fn assert_exit_code(&self, code: i32) {
        if self.status.code() != Some(code) {
            self.fail(&format!("expected exit status {code}"));
        }
    }

    /// Nothing was written to stderr (no panic message, no warning).
    #[track_caller]
    pub fn assert_stderr_empty(&self) {
        if !self.stderr.is_empty() {
            self.fail("expected nothing on stderr");
        }
    }

    /// Some line matches.
    #[track_caller]
    pub fn assert_line(&self, pattern: impl Into<Pattern>) {
        let pattern = pattern.into();
        if self.lines_matching(pattern.clone()).is_empty() {
            self.fail(&format!("expected {pattern}"));
        }
    }

    /// Exactly `count` lines match.
    #[track_caller]
    pub fn assert_count(&self, pattern: impl Into<Pattern>, count: usize) {
        self.assert_count_in(pattern, count..=count);
    }

    /// The number of matching lines lies in `range`.
    #[track_caller]
    pub fn assert_count_in(
        &self,
        pattern: impl Into<Pattern>,
        range: std::ops::RangeInclusive<usize>,
    ) {
        let pattern = pattern.into();
        let found = self.lines_matching(pattern.clone()).len();
        if !range.contains(&found) {
            self.fail(&format!("expected {range:?} of {pattern}, found {found}"));
        }
    }

    /// No line matches.
    #[track_caller]
    pub fn assert_never(&self, pattern: impl Into<Pattern>) {
        let pattern = pattern.into();
        if !self.lines_matching(pattern.clone()).is_empty() {
            self.fail(&format!("expected never {pattern}"));
        }
    }

    /// Both appear, and every line matching `earlier` comes before every line matching `later`.
    #[track_caller]
    pub fn assert_before(&self, earlier: impl Into<Pattern>, later: impl Into<Pattern>) {
        let (earlier, later) = (earlier.into(), later.into());
        let (a, b) = (
            self.lines_matching(earlier.clone()),
            self.lines_matching(later.clone()),
        );
        match (a.last(), b.first()) {
            (Some(last_a), Some(first_b)) if last_a < first_b => {}
            (Some(_), Some(_)) => {
                self.fail(&format!("expected every {earlier} before every {later}"))
            }
            _ => self.fail(&format!("expected both {earlier} and {later}")),
        }
    }

    /// The first line matches.
    #[track_caller]
    pub fn assert_first(&self, pattern: impl Into<Pattern>) {
        let pattern = pattern.into();
        if !self
            .stdout
            .first()
            .is_some_and(|line| pattern.matches(line))
        {
            self.fail(&format!("expected the first line to be {pattern}"));
        }
    }

    /// The last line matches.
    #[track_caller]
    pub fn assert_last(&self, pattern: impl Into<Pattern>) {
        let pattern = pattern.into();
        if !self.stdout.last().is_some_and(|line| pattern.matches(line)) {
            self.fail(&format!("expected the last line to be {pattern}"));
        }
    }

    /// Stdout is exactly these lines, in this order.
    #[track_caller]
    pub fn assert_stdout(&self, lines: &[&str]) {
        if self.stdout != lines {
            self.fail(&format!("expected stdout to be exactly {lines:#?}"));
        }
    }

    /// Stdout begins with these lines, in this order.
    #[track_caller]
    pub fn assert_stdout_starts(&self, lines: &[&str]) {
        if !self.stdout.starts_with(
            &lines
                .iter()
                .map(|line| line.to_string())
                .collect::<Vec<_>>(),
        ) {
            self.fail(&format!("expected stdout to begin with {lines:#?}"));
        }
    }

    /// The trace holds exactly the lines printed on stdout, except that a process killed by a
    /// signal may have printed its last line and died before tracing it (the line and its event
    /// are two writes): at most one line per killed process may be missing from the trace, and no
    /// traced line may be missing from stdout.
    #[track_caller]
    pub fn assert_trace_complete(&self) {
        let mut untraced: Vec<&str> = self.stdout.iter().map(String::as_str).collect();
        for event in self.events.iter().filter(|event| event.kind == Kind::Say) {
            match untraced.iter().position(|line| *line == event.msg) {
                Some(index) => {
                    untraced.swap_remove(index);
                }
                None => self.fail(&format!(
                    "the trace holds a line stdout never got: {:?}",
                    event.msg
                )),
            }
        }
        let killed = self
            .events
            .iter()
            .filter(|event| {
                event.kind == Kind::ProcessExit && event.exitcode.is_some_and(|c| c < 0)
            })
            .count();
        if untraced.len() > killed {
            self.fail(&format!(
                "expected the trace to hold the lines printed on stdout; missing: {untraced:?}"
            ));
        }
    }

    /// Every line came from the example's own process (no child process printed).
    #[track_caller]
    pub fn assert_one_process(&self) {
        let said = self.said();
        if said.is_empty() || said.iter().any(|event| event.pid != self.pid) {
            self.fail(&format!(
                "expected every line to come from the example's process {}",
                self.pid
            ));
        }
    }

    /// Every line matching `pattern` was printed by the thread named `thread`.
    #[track_caller]
    pub fn assert_thread(&self, pattern: impl Into<Pattern>, thread: &str) {
        let pattern = pattern.into();
        let events = self.events_matching(pattern.clone());
        if events.is_empty() || events.iter().any(|event| event.thread != thread) {
            self.fail(&format!(
                "expected {pattern} to be printed by the thread named {thread:?}"
            ));
        }
    }

    /// Every line matching `pattern` was printed by a process with this Python-style name.
    #[track_caller]
    pub fn assert_process(&self, pattern: impl Into<Pattern>, process: &str) {
        let pattern = pattern.into();
        let events = self.events_matching(pattern.clone());
        if events.is_empty() || events.iter().any(|event| event.process != process) {
            self.fail(&format!(
                "expected {pattern} to be printed by the process named {process:?}"
            ));
        }
    }

    /// The one line matching `a` and the one matching `b` came from the same process.
    #[track_caller]
    pub fn assert_same_process(&self, a: impl Into<Pattern>, b: impl Into<Pattern>) {
        if self.event(a).pid != self.event(b).pid {
            self.fail("expected the same process to print both lines");
        }
    }

    /// The one line matching `a` and the one matching `b` came from different processes.
    #[track_caller]
    pub fn assert_different_process(&self, a: impl Into<Pattern>, b: impl Into<Pattern>) {
        if self.event(a).pid == self.event(b).pid {
            self.fail("expected different processes to print the two lines");
        }
    }

    /// The process that printed `child` is a child of the process that printed `parent`.
    #[track_caller]
    pub fn assert_child_of(&self, child: impl Into<Pattern>, parent: impl Into<Pattern>) {
        if self.event(child).ppid != self.event(parent).pid {
            self.fail("expected the first line's process to be a child of the second's");
        }
    }

    /// The one line matching `a` and the one matching `b` came from the same thread.
    #[track_caller]
    pub fn assert_same_thread(&self, a: impl Into<Pattern>, b: impl Into<Pattern>) {
        let (a, b) = (self.event(a), self.event(b));
        if (a.pid, &a.thread) != (b.pid, &b.thread) {
            self.fail("expected the same thread to print both lines");
        }
    }

    /// The one line matching `a` and the one matching `b` came from different threads.
    #[track_caller]
    pub fn assert_different_thread(&self, a: impl Into<Pattern>, b: impl Into<Pattern>) {
        let (a, b) = (self.event(a), self.event(b));
        if (a.pid, &a.thread) == (b.pid, &b.thread) {
            self.fail("expected different threads to print the two lines");
        }
    }

    /// The program was killed by this signal.
    #[track_caller]
    pub fn assert_signal(&self, signal: i32) {
        if self.status.signal() != Some(signal) {
            self.fail(&format!("expected death by signal {signal}"));
        }
    }

    /// The distinct PIDs that printed, in the order they first printed.
    pub fn pids(&self) -> Vec<u32> {
        let mut pids = Vec::new();
        for event in &self.events {
            if !pids.contains(&event.pid) {
                pids.push(event.pid);
            }
        }
        pids
    }

    /// No process that printed is still there, running or as a zombie: every child was reaped
    /// by the example before it exited (any left over are killed and reaped before failing);
    /// and nothing is left in the example's own `TMPDIR`.
    #[track_caller]
    pub fn assert_no_process_left(&self) {
        let left: Vec<u32> = self
            .pids()
            .into_iter()
            .filter(|&pid| crate::reap::exists(pid))
            .collect();
        if !left.is_empty() {
            for &pid in &left {
                crate::reap::kill_and_reap(pid);
            }
            self.fail(&format!("expected no process left behind, found {left:?}"));
        }
        if !self.temp_left.is_empty() {
            self.fail(&format!(
                "expected nothing left in its TMPDIR, found {:?}",
                self.temp_left
            ));
        }
    }
}
