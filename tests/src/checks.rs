//! Checks every process example gets: what a signal, or a closed stdout, leaves behind.

use crate::{Example, Kind, Run, Signal};
use std::time::Duration;

/// Our shared-memory segments' names in `/dev/shm` (`shared_memory` names them `shmem_...`).
pub fn shm_segments() -> Vec<String> {
    std::fs::read_dir("/dev/shm")
        .map(|dir| {
            dir.filter_map(|entry| entry.ok())
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .filter(|name| name.starts_with("shmem_"))
                .collect()
        })
        .unwrap_or_default()
}

/// Starts `bin`, waits until the trace shows a child process started (or the run is over), then
/// sends `signal` to the parent alone. Returns the run and whether a child was alive at the time.
pub fn signal_while_children_run(bin: &str, signal: Signal) -> (Run, bool) {
    let running = Example::new(bin).spawn();
    let child_started = |events: &[crate::Event]| {
        events
            .iter()
            .any(|e| e.kind == Kind::ProcessStart && e.process != "MainProcess")
    };
    running.wait_for_trace(Duration::from_secs(20), child_started);
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
pub fn assert_signals_leave_nothing(bin: &str) {
    for signal in [Signal::SIGINT, Signal::SIGTERM] {
        let (run, _) = signal_while_children_run(bin, signal);
        if !run.status.success() {
            run.assert_signal(signal as i32);
        }
        run.assert_no_process_left();
        if !shm_segments().is_empty() {
            run.fail(&format!("segments left in /dev/shm: {:?}", shm_segments()));
        }
    }
}

/// SIGKILL to the parent of a daemon child: the child dies too, within a second.
#[track_caller]
pub fn assert_daemon_dies_with_killed_parent(bin: &str) {
    let (run, _) = signal_while_children_run(bin, Signal::SIGKILL);
    if !run.status.success() {
        run.assert_signal(9);
    }
    for pid in run.pids() {
        if !crate::reap::wait_gone(pid, Duration::from_secs(1)) {
            run.fail(&format!(
                "process {pid} outlived its SIGKILLed parent by a second"
            ));
        }
    }
}

/// `| head -1`: after the first line stdout is closed; the example ends quietly, status 0, with
/// nothing on stderr and no process left behind.
#[track_caller]
pub fn assert_quiet_when_stdout_closes(bin: &str) {
    let run = Example::new(bin).close_stdout_after(1).run();
    run.assert_success();
    run.assert_stderr_empty();
    run.assert_count_in("", 1..=1);
    run.assert_no_process_left();
}
