//! The lifecycle events of the trace: when a process and a thread start and end.
//!
//! - A thread's `thread_start` is written the first time it needs a trace event (for the examples,
//!   as it starts), and `thread_end` when it finishes normally; a thread cut off by its process's
//!   end has none.
//! - The main process writes its `process_start` with its first event, and its `process_exit` as
//!   the last step of the exit sequence (`common`'s `exit` module). A child writes its own `process_start`
//!   before its target, saying how it was started (`start (fork)`, `start (spawn)`,
//!   `start (forkserver)`), and its `process_exit` as it returns from its target; a child killed
//!   by a signal gets its `process_exit` from the parent that reaps it.
//!
//! A thread that starts a child writes `child_started` (the child's PID, its daemon flag) as
//! `start` returns, and a `signal` for each `kill` or `terminate` it calls. A `thread_end`, and the main
//! process's `process_exit`, carry that thread's [`Usage`].
//!
//! Every function here that may write an event takes the output lock: call it before taking the
//! lock yourself (as `say` does), never while holding it.

use super::{Kind, Usage, write, write_with};
use crate::exit::{self, Step};
use crate::identity;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether this process has written its `process_start` (a child writes it right after `fork`).
static PROCESS_STARTED: AtomicBool = AtomicBool::new(false);

/// The current thread's name as the trace knows it, writing this process's `process_start` and
/// this thread's `thread_start` first if they are not written yet; `None` when the trace is off.
pub(crate) fn thread() -> Option<String> {
    if !super::enabled() {
        return None;
    }
    process_started();
    Some(THREAD_LANE.with(|lane| lane.name.clone()))
}

/// Writes this process's `process_start` now, if the trace is on and it is not written yet,
/// rather than at the process's first event: what it sets up once (the exit step that writes
/// `process_exit`) is then set up before a checker counts the allocations a call leaves behind.
/// The trace reads the same either way.
///
/// ```
/// common::trace::begin();
/// common::trace::begin(); // once is all it does
/// ```
pub fn begin() {
    if super::enabled() {
        process_started();
    }
}

/// Writes the main process's `process_start`, once, and installs its `process_exit` as the last
/// step of the exit sequence.
fn process_started() {
    if !PROCESS_STARTED.swap(true, Ordering::SeqCst) {
        write(
            &identity::current_process(),
            "main",
            Kind::ProcessStart,
            "start",
            None,
        );
        if identity::current_process().name == "MainProcess" {
            exit::at_exit(Step::Trace, main_exited);
        }
    }
}

/// The main process's `process_exit` (a child leaves with `_exit`, which runs no exit sequence),
/// with its main thread's usage (the exit sequence runs on it), its own uses of shared state
/// (a manager's proxy called by main, as a child's are) and the messages it took off a pipe's
/// `Connection` (a parent that read its child's answer from a file took none). Its exit code is
/// not known there.
fn main_exited() {
    let usage = Usage::of_this_thread();
    write_with(
        &identity::current_process(),
        "main",
        Kind::ProcessExit,
        "exit",
        |event| {
            event.usage = Some(usage);
            event.shared = Some(crate::perturb::shared_accesses());
            event.received = Some(crate::perturb::received());
            event.proxy_writes = Some(crate::perturb::proxy_writes());
        },
    );
}

/// What the parent writes as a child's `start` returns: a `child_started` on the starting
/// thread's lane, with the child's PID and daemon flag.
pub(crate) fn child_began(pid: u32, name: &str, daemon: bool) {
    if let Some(thread) = thread() {
        let msg = format!("started '{name}'");
        write_with(
            &identity::current_process(),
            &thread,
            Kind::ChildStarted,
            &msg,
            |event| {
                event.child = Some(pid);
                event.daemon = Some(daemon);
            },
        );
    }
}

/// What the parent writes as `kill` or `terminate` sends `signal` to a child of its own.
pub(crate) fn child_signalled(pid: u32, name: &str, signal: &str) {
    if let Some(thread) = thread() {
        let msg = format!("{signal} to '{name}'");
        write_with(
            &identity::current_process(),
            &thread,
            Kind::Signal,
            &msg,
            |event| event.child = Some(pid),
        );
    }
}

/// A child of this process, as an event about it names it.
fn about_child(pid: u32, name: &str) -> crate::CurrentProcess {
    crate::CurrentProcess {
        name: name.to_owned(),
        pid,
        ppid: std::process::id(),
    }
}

/// Writes what [`thread`] writes, if it is not written yet: a parent about to fork appears in
/// the trace (and its forking thread's lane is copied into the child) even if it printed nothing.
pub(crate) fn ensure_started() {
    let _ = thread();
}

/// In a new child, before its target: its `process_start`, on the lane of the thread that
/// started it, saying how (`start (spawn)`).
pub(crate) fn child_started(how: crate::config::StartMethod) {
    PROCESS_STARTED.store(true, Ordering::SeqCst);
    if let Some(thread) = thread() {
        write(
            &identity::current_process(),
            &thread,
            Kind::ProcessStart,
            &format!("start ({})", how.name()),
            None,
        );
    }
}

/// A child's own `process_exit`, as it returns from its target with `code`, with how many times
/// it read or wrote shared memory, and wrote it holding no shared lock.
pub(crate) fn child_exited(code: i32) {
    if let Some(thread) = thread() {
        let msg = format!("exit code {code}");
        write_with(
            &identity::current_process(),
            &thread,
            Kind::ProcessExit,
            &msg,
            |event| {
                event.exitcode = Some(code);
                event.shared = Some(crate::perturb::shared_accesses());
                event.unlocked = Some(crate::perturb::unlocked_writes());
                event.locked = Some(crate::perturb::locks_taken());
                event.received = Some(crate::perturb::received());
                event.proxy_writes = Some(crate::perturb::proxy_writes());
                event.proxy_writes = Some(crate::perturb::proxy_writes());
            },
        );
    }
}

/// The `process_exit` of a child that died of a signal, written by the parent that reaped it.
pub(crate) fn child_killed(pid: u32, name: &str, code: i32) {
    let child = about_child(pid, name);
    let msg = format!("killed by signal {}", -code);
    write(&child, "main", Kind::ProcessExit, &msg, Some(code));
}

/// A thread as the trace sees it: created at its first event (writing `thread_start`), dropped
/// when the thread finishes (writing `thread_end`). A thread cut off by the end of its process
/// is never dropped, so it has no `thread_end`.
struct ThreadLane {
    name: String,
}

impl ThreadLane {
    fn start() -> ThreadLane {
        let name = identity::current_thread_name();
        write(
            &identity::current_process(),
            &name,
            Kind::ThreadStart,
            "start",
            None,
        );
        ThreadLane { name }
    }
}

impl Drop for ThreadLane {
    fn drop(&mut self) {
        // Thread-local destructors run as the thread ends; the name was kept for this moment,
        // when `thread::current()` may no longer be usable.
        let usage = Usage::of_this_thread();
        write_with(
            &identity::current_process(),
            &self.name,
            Kind::ThreadEnd,
            "end",
            |event| event.usage = Some(usage),
        );
    }
}

thread_local! {
    static THREAD_LANE: ThreadLane = ThreadLane::start();
}
