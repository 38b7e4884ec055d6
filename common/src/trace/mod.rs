//! The trace: one JSON object per event, appended to the file `TUTORIAL_TRACE` names.
//!
//! ```json
//! {"t_ns":12345,"pid":4242,"ppid":4200,"process":"MainProcess","thread":"thread 3","msg":"sub thread start  thread 3","kind":"say"}
//! ```
//! - `t_ns`: `CLOCK_MONOTONIC` in nanoseconds, comparable across the processes of one machine;
//! - `pid`, `ppid`: the process the event is about, and its parent;
//! - `process`, `thread`: the names [`crate::current_process`] and [`crate::current_thread_name`] give;
//! - `msg`: for a printed line, the line without its newline and without the `TUTORIAL_SHOW`
//!   prefix; for the other kinds, a few words on what happened;
//! - `kind` (see [`Kind`]): `say` for a printed line; `thread_start` and `thread_end` (with the
//!   thread's [`Usage`]) when a thread is first seen by `common` and when it finishes;
//!   `process_start` and `process_exit` (with `exitcode`, and in a process's own `process_exit`,
//!   `shared`: its uses of shared memory and of a manager's proxies; in a child's, `unlocked`,
//!   `locked` and `received`; in main's, its thread's `usage` and its `received`) for processes; `child_started` (the child's PID
//!   and `daemon` flag) and `signal` (a `kill` or `terminate` by hand) from a parent's thread;
//!   `handoff` when a thread hands an item to another without printing; `watch` (with `watched`)
//!   for a sample of a process's threads taken in a quiet spell ([`watch()`]); `look` when a
//!   wait of `common`'s wakes on its own to look at a peer. A file without
//!   `kind` fields (from before kinds existed) reads as all `say`.
//!
//! When the lifecycle events are written is [`lifecycle`]'s to say: in short, a thread's
//! `thread_start` with its first event and its `thread_end` when it finishes (none for a thread
//! cut off by its process's end, what Python calls a daemon thread); a child's `process_start`
//! right after `fork`, its `process_exit` as it returns from its target or, when a signal kills
//! it, from the parent that reaps it; the main process's `process_exit` (without a code) as the
//! last step of its exit, after its children.
//!
//! Every process of a run appends to the same file (`O_APPEND`, one `write(2)` per event), so the
//! events of one process appear in the order it wrote them. A file holds one run: a program that
//! starts when no writer of the file is alive starts it afresh (`file.rs`, the one place the
//! file is opened).

use crate::identity::{self, CurrentProcess};
use crate::output::{self, OutputGuard};
use serde::{Deserialize, Serialize};

mod file;
pub mod lifecycle;
mod usage;
mod watch;

pub use file::read;
pub use lifecycle::begin;

pub use usage::Usage;
pub use watch::{Watched, watch, watch_main};

/// What an event records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A line printed with [`crate::say!`].
    #[default]
    Say,
    /// A thread printed for the first time.
    ThreadStart,
    /// A thread finished.
    ThreadEnd,
    /// A process started (a child, right after `fork`; the main process, at its first event).
    ProcessStart,
    /// A process ended; `exitcode` says how when it is known.
    ProcessExit,
    /// An item handed from one thread to another without printing (the GUI's consumer).
    Handoff,
    /// The thread started a child (written as `start` returns), with the `child`'s PID and its
    /// `daemon` flag.
    ChildStarted,
    /// The thread sent a signal to the `child` by `Process::kill` or `Process::terminate`; `msg`
    /// names the signal. The exit rule's ending of daemons is not one: that is the process
    /// ending, not a call.
    Signal,
    /// A wait in `common` woke on its own, to look at a peer (a pool's wait for results looks at
    /// its server now and then): a wake of the thread's that is not the program's.
    Look,
    /// A sample of how often each thread of the `child` process has slept so far, taken in a
    /// quiet spell made on purpose (`watched`; see [`watch()`]).
    Watch,
}

/// One event of the trace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// `CLOCK_MONOTONIC` when it happened, in nanoseconds.
    pub t_ns: u64,
    /// The process it is about.
    pub pid: u32,
    /// That process's parent.
    pub ppid: u32,
    /// The process's Python-style name (`"MainProcess"`, or a child's name).
    pub process: String,
    /// The thread's name (`"main"` for the main thread).
    pub thread: String,
    /// The printed line, or what happened.
    pub msg: String,
    /// What kind of event it is.
    #[serde(default)]
    pub kind: Kind,
    /// For `process_exit`: Python's exit code (`0`, `1` after a panic, `-N` after signal N).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exitcode: Option<i32>,
    /// For a process's own `process_exit` (a child's, and the main process's): how many times it
    /// read or wrote a shared `Value` or `Array`, or called a manager's proxy (the exercise
    /// checker's proof of who did the work, and that main read what its children wrote).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<u64>,
    /// For a child's own `process_exit`: how many times it wrote a shared `Value` or an
    /// `Array`'s item holding no shared `Lock` (the checker's proof that a read-then-write was
    /// not locked, or that a child's own slice was written without one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unlocked: Option<u64>,
    /// For a child's own `process_exit`: how many times it took a shared `Lock` (one per
    /// read-then-write, or one around a whole loop of them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked: Option<u64>,
    /// For a child's own `process_exit`, and the main process's: how many messages it took off a
    /// pipe's `Connection` (the checker's proof that it read what it was sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received: Option<u64>,
    /// For a child's own `process_exit`, and the main process's: how many of its calls through a
    /// manager's proxy wrote (a dict's `set`, a list's `append`): who wrote and who only looked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_writes: Option<u64>,
    /// For `child_started` and `signal`: the child's PID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child: Option<u32>,
    /// For `child_started`: whether the child is a daemon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daemon: Option<bool>,
    /// For `thread_end`, and the main process's `process_exit` (about its main thread): how the
    /// thread spent its life (the checker's proof that a waiter slept rather than polled or spun).
    /// For `say`: the thread's usage so far, just before the line (its wakes between two lines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<Usage>,
    /// For `watch`: each thread of the watched process, and how often it has slept so far.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub watched: Option<Vec<Watched>>,
}

impl Event {
    /// The event as one line of the trace file, newline included.
    ///
    /// ```
    /// use common::trace::{Event, Kind};
    /// let event = Event {
    ///     t_ns: 1, pid: 2, ppid: 1, process: "MainProcess".into(), thread: "main".into(),
    ///     msg: "hi".into(), kind: Kind::Say, exitcode: None, shared: None, unlocked: None, locked: None,
    ///     received: None, proxy_writes: None, child: None, daemon: None, usage: None,
    ///     watched: None,
    /// };
    /// assert_eq!(
    ///     event.to_json_line(),
    ///     "{\"t_ns\":1,\"pid\":2,\"ppid\":1,\"process\":\"MainProcess\",\"thread\":\"main\",\"msg\":\"hi\",\"kind\":\"say\"}\n"
    /// );
    /// ```
    pub fn to_json_line(&self) -> String {
        let mut line = serde_json::to_string(self).expect("an Event always serializes");
        line.push('\n');
        line
    }
}

/// Nanoseconds of `CLOCK_MONOTONIC`, the clock every event is stamped with.
///
/// ```
/// let a = common::trace::monotonic_ns();
/// assert!(common::trace::monotonic_ns() >= a);
/// ```
pub fn monotonic_ns() -> u64 {
    let now = nix::time::clock_gettime(nix::time::ClockId::CLOCK_MONOTONIC)
        .expect("CLOCK_MONOTONIC is always available on Linux");
    // Both parts are non-negative for CLOCK_MONOTONIC.
    now.tv_sec() as u64 * 1_000_000_000 + now.tv_nsec() as u64
}

/// Records an event of this `kind` about the current thread, if `TUTORIAL_TRACE` is set.
///
/// ```
/// use common::trace::{Kind, record};
/// record(Kind::Handoff, "2022-10-23 12:00:00.000000");
/// ```
pub fn record(kind: Kind, msg: &str) {
    if let Some(thread) = lifecycle::thread() {
        write(&identity::current_process(), &thread, kind, msg, None);
    }
}

/// Whether events are being recorded (`TUTORIAL_TRACE` is set).
pub(crate) fn enabled() -> bool {
    file::get().is_some()
}

/// Writes an event about `process` and `thread`, stamped now, if the trace is on. Takes the
/// output lock.
pub(crate) fn write(
    process: &CurrentProcess,
    thread: &str,
    kind: Kind,
    msg: &str,
    exitcode: Option<i32>,
) {
    write_counted(process, thread, kind, msg, exitcode, None);
}

/// [`write`], with the count of shared-memory accesses a child writes into its `process_exit`.
pub(crate) fn write_counted(
    process: &CurrentProcess,
    thread: &str,
    kind: Kind,
    msg: &str,
    exitcode: Option<i32>,
    shared: Option<u64>,
) {
    if enabled() {
        let locked = output::lock();
        write_locked(&locked, process, thread, kind, msg, exitcode, shared);
    }
}

/// [`write`], with the event's other fields filled by `fill` (a daemon flag, a thread's usage).
pub(crate) fn write_with(
    process: &CurrentProcess,
    thread: &str,
    kind: Kind,
    msg: &str,
    fill: impl FnOnce(&mut Event),
) {
    if enabled() {
        let locked = output::lock();
        let mut event = stamped(process, thread, kind, msg, None, None);
        fill(&mut event);
        append(&locked, &event);
    }
}

/// The event, stamped now.
fn stamped(
    process: &CurrentProcess,
    thread: &str,
    kind: Kind,
    msg: &str,
    exitcode: Option<i32>,
    shared: Option<u64>,
) -> Event {
    Event {
        t_ns: monotonic_ns(),
        pid: process.pid,
        ppid: process.ppid,
        process: process.name.clone(),
        thread: thread.to_owned(),
        msg: msg.to_owned(),
        kind,
        exitcode,
        shared,
        unlocked: None,
        locked: None,
        received: None,
        proxy_writes: None,
        child: None,
        daemon: None,
        usage: None,
        watched: None,
    }
}

/// Appends the event to the trace, under the output lock the caller holds.
fn append(_locked: &OutputGuard, event: &Event) {
    let Some(file) = file::get() else {
        return;
    };
    if let Err(error) = output::write_whole(file, event.to_json_line().as_bytes()) {
        output::fail(&format!(
            "cannot write to {}: {error}",
            crate::config::TRACE_VAR
        ));
    }
}

/// [`write`], for a caller that holds the output lock already. The event is stamped here, under
/// the lock, so that the events of one process are in time order in the file.
pub(crate) fn write_locked(
    locked: &OutputGuard,
    process: &CurrentProcess,
    thread: &str,
    kind: Kind,
    msg: &str,
    exitcode: Option<i32>,
    shared: Option<u64>,
) {
    if file::get().is_some() {
        append(
            locked,
            &stamped(process, thread, kind, msg, exitcode, shared),
        );
    }
}

/// A printed line's `say` event, with its thread's `usage` so far, under the output lock.
pub(crate) fn write_said(
    locked: &OutputGuard,
    process: &CurrentProcess,
    thread: &str,
    msg: &str,
    usage: Option<Usage>,
) {
    if file::get().is_some() {
        let mut event = stamped(process, thread, Kind::Say, msg, None, None);
        event.usage = usage;
        append(locked, &event);
    }
}

#[cfg(test)]
mod tests;
