//! Checks every example gets: what a signal, or a closed stdout, leaves behind; and
//! (`recording.rs`) that a run matches its recorded output and its Python twin's.

mod recording;

pub use recording::*;

use crate::{Example, Kind, Run, Signal};
use std::time::Duration;

/// An example's standard run, at [`crate::TEST_SCALE`] with `args`: it must succeed with nothing
/// on stderr, every printed line in the trace, and no process left behind. [`crate::example!`]
/// makes one per test file and shares it among the file's tests.
#[track_caller]
pub fn standard_run(bin: &str, args: &[&str]) -> Run {
    let run = Example::new(bin).args(args).run();
    run.assert_success();
    run.assert_stderr_empty();
    run.assert_trace_complete();
    run.assert_no_process_left();
    run
}

/// Our named shared-memory blocks in `/dev/shm` (`common::shm::SharedMemory` names them
/// `psm_...`, as Python does).
pub fn shm_segments() -> Vec<String> {
    std::fs::read_dir("/dev/shm")
        .map(|dir| {
            dir.filter_map(|entry| entry.ok())
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .filter(|name| name.starts_with("psm_"))
                .collect()
        })
        .unwrap_or_default()
}

/// The segments in `/dev/shm` that stay there: a segment another run has just created (and will
/// unlink a moment later) is not left behind, so a name must still be there 200 ms later.
pub fn shm_segments_left() -> Vec<String> {
    let first = shm_segments();
    if first.is_empty() {
        return first;
    }
    std::thread::sleep(Duration::from_millis(200));
    shm_segments()
        .into_iter()
        .filter(|name| first.contains(name))
        .collect()
}

/// Starts `bin`, waits until the trace shows a child process started (or the run is over), then
/// sends `signal` to the parent alone. Returns the run and whether a child was alive at the time.
pub fn signal_while_children_run(bin: &str, args: &[&str], signal: Signal) -> (Run, bool) {
    let running = Example::new(bin).args(args).spawn();
    let child_started = |events: &[crate::Event]| {
        events
            .iter()
            .any(|e| e.kind == Kind::ProcessStart && e.process != "MainProcess")
    };
    // Until a child has started, or the run is over (a child may end before it writes a thing).
    running.wait_for_trace(Duration::from_secs(20), |events| {
        child_started(events) || running.has_exited()
    });
    let events = running.events();
    let alive = events.iter().any(|start| {
        start.kind == Kind::ProcessStart
            && start.process != "MainProcess"
            && !events
                .iter()
                .any(|exit| exit.kind == Kind::ProcessExit && exit.pid == start.pid)
    });
    running.signal(signal);
    (running.wait(), alive)
}

/// SIGINT and SIGTERM to the parent while its children run: it dies of the signal (or had
/// already finished), and no child of it is left, running or as a zombie, nor any segment.
#[track_caller]
pub fn assert_signals_leave_nothing(bin: &str, args: &[&str]) {
    for signal in [Signal::SIGINT, Signal::SIGTERM] {
        let (run, _) = signal_while_children_run(bin, args, signal);
        if !run.status.success() {
            run.assert_signal(signal as i32);
        }
        run.assert_no_process_left();
        let left = shm_segments_left();
        if !left.is_empty() {
            run.fail(&format!("segments left in /dev/shm: {left:?}"));
        }
    }
}

/// `| head -1`: after the first line stdout is closed; the example ends quietly, status 0, with
/// nothing on stderr and no process left behind.
#[track_caller]
pub fn assert_quiet_when_stdout_closes(bin: &str, args: &[&str]) {
    assert_quiet_when_stdout_closes_but(bin, args, None);
}

/// [`assert_quiet_when_stdout_closes`], where stderr may hold one thing the early end makes true:
/// lines that start with `said` (a resource tracker's report of what the program left).
#[track_caller]
pub fn assert_quiet_when_stdout_closes_but(bin: &str, args: &[&str], said: Option<&str>) {
    let run = Example::new(bin).args(args).close_stdout_after(1).run();
    run.assert_success();
    match said {
        Some(prefix) if !run.stderr.is_empty() => {
            if !run.stderr.lines().all(|line| line.starts_with(prefix)) {
                run.fail(&format!(
                    "expected only lines starting {prefix:?} on stderr"
                ));
            }
        }
        _ => run.assert_stderr_empty(),
    }
    run.assert_count_in("", 1..=1);
    run.assert_no_process_left();
}
