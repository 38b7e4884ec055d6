//! The children a process has started and not yet reaped, and what happens to them when the
//! process ends: Python's exit rule, and the same cleanup when a signal ends it.
//!
//! The list is a fixed table of atomics rather than a `Mutex<Vec>`, because a signal handler
//! reads it: a handler may interrupt a thread that holds a lock, and must not wait for it.

use super::status::wait_for;
use nix::libc;
use nix::sys::signal::{SaFlags, SigAction, SigHandler, SigSet, Signal, kill, sigaction};
use nix::sys::wait::WaitPidFlag;
use nix::unistd::Pid;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Mutex, Once};

/// How many children a process can have unreaped at once.
const SLOTS: usize = 4096;

/// A child's PID, negated for a daemon; 0 marks a free slot.
static CHILDREN: [AtomicI32; SLOTS] = [const { AtomicI32::new(0) }; SLOTS];

/// The children's names, for the trace's `process_exit` of a child killed by a signal. Never
/// touched from a signal handler.
static NAMES: Mutex<Vec<(i32, String)>> = Mutex::new(Vec::new());

fn names() -> std::sync::MutexGuard<'static, Vec<(i32, String)>> {
    NAMES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Remembers a child until it is reaped.
///
/// # Panics
/// With more than `SLOTS` children alive and unreaped.
pub(super) fn add(pid: Pid, daemon: bool, name: &str) {
    static FORGET: Once = Once::new();
    FORGET.call_once(|| super::at_fork::forget_in_child(forget_all));
    names().push((pid.as_raw(), name.to_owned()));
    let entry = if daemon { -pid.as_raw() } else { pid.as_raw() };
    let free = CHILDREN.iter().find(|slot| {
        slot.compare_exchange(0, entry, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
    });
    assert!(
        free.is_some(),
        "more than {SLOTS} child processes alive at once"
    );
}

/// The fork server's PID (`forkserver.rs`), 0 if none: a daemon child that is not one of the
/// program's processes, so [`running`] leaves it out.
static SERVER: AtomicI32 = AtomicI32::new(0);

/// Remembers the fork server, a daemon child the exit rule terminates like any other.
pub(super) fn add_server(pid: Pid) {
    SERVER.store(pid.as_raw(), Ordering::SeqCst);
    add(pid, true, "ForkServer");
}

/// Whether the fork server has ended (killed, or crashed) since the last start: then it is
/// reaped and forgotten, and the next start boots a new one (`forkserver.rs`).
pub(super) fn server_ended(pid: Pid) -> bool {
    if reap(pid, WaitPidFlag::WNOHANG).is_none() {
        return false;
    }
    let _ = SERVER.compare_exchange(pid.as_raw(), 0, Ordering::SeqCst, Ordering::SeqCst);
    true
}

/// Ends the fork server (stopped: it cannot answer) and reaps it, so that the next start by
/// fork server boots a new one. SIGKILL ends a stopped process too.
pub(super) fn retire_server(pid: Pid) {
    let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
    reap(pid, WaitPidFlag::empty());
    let _ = SERVER.compare_exchange(pid.as_raw(), 0, Ordering::SeqCst, Ordering::SeqCst);
}

/// Waits for `pid` as `flags` say (`WNOHANG`: only looks); if it has ended, forgets it and
/// returns its exit code.
pub(super) fn reap(pid: Pid, flags: WaitPidFlag) -> Option<i32> {
    let code = wait_for(pid, flags)?;
    reaped(pid, code);
    Some(code)
}

/// Forgets a reaped child; if a signal killed it, writes its `process_exit` to the trace.
fn reaped(pid: Pid, code: i32) {
    super::lifeline::release(pid);
    let name = {
        let mut names = names();
        let index = names.iter().position(|(child, _)| *child == pid.as_raw());
        index.map(|index| names.swap_remove(index).1)
    };
    if code < 0 {
        crate::trace::lifecycle::child_killed(
            pid.as_raw() as u32,
            name.as_deref().unwrap_or("?"),
            code,
        );
    }
    for slot in &CHILDREN {
        let entry = slot.load(Ordering::SeqCst);
        if entry != 0 && entry.abs() == pid.as_raw() {
            let _ = slot.compare_exchange(entry, 0, Ordering::SeqCst, Ordering::SeqCst);
        }
    }
}

/// A child this process started and has not reaped, as [`super::active_children`] lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Child {
    /// The name it was started with (`Process-1`, `SubProcess`, ...).
    pub name: String,
    /// Its PID.
    pub pid: u32,
    /// Whether it is a daemon.
    pub daemon: bool,
}

/// The children started and not yet reaped that are still running (a child that has ended but
/// is not yet joined is left out, and left unreaped for its `join`).
pub(super) fn running() -> Vec<Child> {
    let names = names();
    CHILDREN
        .iter()
        .map(|slot| slot.load(Ordering::SeqCst))
        .filter(|&entry| entry != 0 && entry.abs() != SERVER.load(Ordering::SeqCst))
        .filter(|&entry| {
            // WNOWAIT: look without reaping, so that the owner's `join` still gets the status.
            let flags = WaitPidFlag::WEXITED | WaitPidFlag::WNOHANG | WaitPidFlag::WNOWAIT;
            matches!(
                nix::sys::wait::waitid(nix::sys::wait::Id::Pid(Pid::from_raw(entry.abs())), flags),
                Ok(nix::sys::wait::WaitStatus::StillAlive)
            )
        })
        .map(|entry| Child {
            name: names
                .iter()
                .find(|(pid, _)| *pid == entry.abs())
                .map_or_else(String::new, |(_, name)| name.clone()),
            pid: entry.unsigned_abs(),
            daemon: entry < 0,
        })
        .collect()
}

/// In a new child: the parent's children are not ours. Registered with `at_fork` at the first
/// [`add`].
///
/// Only what is set is written: after `fork` the table's four pages are the parent's until one
/// is written, and a write copies the page (see `child.rs`).
fn forget_all() {
    if SERVER.load(Ordering::SeqCst) != 0 {
        SERVER.store(0, Ordering::SeqCst);
    }
    let mut any = false;
    for slot in &CHILDREN {
        if slot.load(Ordering::SeqCst) != 0 {
            slot.store(0, Ordering::SeqCst);
            any = true;
        }
    }
    // A child's name is listed only while its slot is (`add`, `reaped`).
    if any {
        names().clear();
    }
}

/// Python's rule at exit: terminate the daemon children, then wait for every child. Each stays
/// in the table until it is reaped, so that a signal arriving meanwhile still finds it.
pub(super) fn apply_exit_rule() {
    for slot in &CHILDREN {
        let entry = slot.load(Ordering::SeqCst);
        if entry < 0 {
            let _ = kill(Pid::from_raw(-entry), Signal::SIGTERM);
        }
    }
    for slot in &CHILDREN {
        let entry = slot.load(Ordering::SeqCst);
        if entry != 0 {
            let pid = Pid::from_raw(entry.abs());
            if let Some(code) = wait_for(pid, WaitPidFlag::empty()) {
                reaped(pid, code);
            }
        }
    }
}

/// On SIGINT, SIGTERM or SIGHUP: kill and reap every child, then die of the same signal.
///
/// Without it the children would still die (`PR_SET_PDEATHSIG`), but as orphans that only the
/// system's init can reap, and some containers' init never does. Only async-signal-safe calls.
extern "C" fn on_fatal_signal(signal: libc::c_int) {
    end_all();
    // SAFETY: restoring the default action and raising the signal again are async-signal-safe;
    // the process then ends as the signal's default says, with the usual exit status.
    unsafe {
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}

/// Ends every remembered child and reaps it. Async-signal-safe.
///
/// SIGTERM first: a child of ours runs this same handler, so it ends its own children (a pool's
/// fork server ends its workers) before it dies, and nothing is orphaned. A child still there a
/// second later gets SIGKILL.
fn end_all() {
    for slot in &CHILDREN {
        let entry = slot.load(Ordering::SeqCst);
        if entry != 0 {
            // SAFETY: `kill` is async-signal-safe and takes plain integers.
            unsafe { libc::kill(entry.abs(), libc::SIGTERM) };
        }
    }
    let deadline = now_ns() + 1_000_000_000;
    for slot in &CHILDREN {
        let entry = slot.swap(0, Ordering::SeqCst);
        if entry == 0 {
            continue;
        }
        let pid = entry.abs();
        loop {
            // SAFETY: `waitpid` is async-signal-safe; a null status pointer is allowed.
            let reaped = unsafe { libc::waitpid(pid, std::ptr::null_mut(), libc::WNOHANG) };
            let interrupted = std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR);
            if reaped == pid || (reaped == -1 && !interrupted) {
                break;
            }
            if now_ns() >= deadline {
                // SAFETY: `kill` is async-signal-safe and takes plain integers.
                unsafe { libc::kill(pid, libc::SIGKILL) };
                // SAFETY: as the `waitpid` above; it blocks until the SIGKILLed child is gone.
                while unsafe { libc::waitpid(pid, std::ptr::null_mut(), 0) } == -1
                    && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR)
                {
                }
                break;
            }
            let pause = libc::timespec {
                tv_sec: 0,
                tv_nsec: 2_000_000,
            };
            // SAFETY: `nanosleep` is async-signal-safe; the remaining time is not wanted.
            unsafe { libc::nanosleep(&pause, std::ptr::null_mut()) };
        }
    }
}

/// `CLOCK_MONOTONIC` in nanoseconds, async-signal-safe (`clock_gettime`).
fn now_ns() -> i64 {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `clock_gettime` is async-signal-safe and writes only the struct it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut now) };
    now.tv_sec * 1_000_000_000 + now.tv_nsec
}

/// Blocks SIGINT, SIGTERM and SIGHUP for this thread; returns the mask to restore.
pub(super) fn hold_fatal_signals() -> SigSet {
    let mut fatal = SigSet::empty();
    for signal in [Signal::SIGINT, Signal::SIGTERM, Signal::SIGHUP] {
        fatal.add(signal);
    }
    let mut previous = SigSet::empty();
    let _ = nix::sys::signal::pthread_sigmask(
        nix::sys::signal::SigmaskHow::SIG_BLOCK,
        Some(&fatal),
        Some(&mut previous),
    );
    previous
}

/// Restores the mask `hold_fatal_signals` returned; a signal that came meanwhile is handled now.
pub(super) fn release_signals(previous: SigSet) {
    let _ = nix::sys::signal::pthread_sigmask(
        nix::sys::signal::SigmaskHow::SIG_SETMASK,
        Some(&previous),
        None,
    );
}

/// Registers the exit rule (once per process): the first step of the exit sequence for a normal
/// exit, "end the children" before an abrupt one (stdout closed, an output error), and signal
/// handlers for SIGINT, SIGTERM and SIGHUP where their action is still the default.
pub(super) fn register_exit_rule() {
    static REGISTER: Once = Once::new();
    REGISTER.call_once(|| {
        crate::exit::at_exit(crate::exit::Step::Children, apply_exit_rule);
        crate::output::before_abrupt_exit(end_all);
        let action = SigAction::new(
            SigHandler::Handler(on_fatal_signal),
            SaFlags::empty(),
            SigSet::empty(),
        );
        for signal in [Signal::SIGINT, Signal::SIGTERM, Signal::SIGHUP] {
            // SAFETY: the handler only makes async-signal-safe calls (see `on_fatal_signal`).
            let previous = unsafe { sigaction(signal, &action) };
            if let Ok(previous) = previous
                && !matches!(previous.handler(), SigHandler::SigDfl)
            {
                // Someone chose otherwise (e.g. `nohup` ignores SIGHUP): put it back.
                // SAFETY: reinstalling the action that was there before.
                let _ = unsafe { sigaction(signal, &previous) };
            }
        }
    });
}
