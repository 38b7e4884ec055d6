//! How a child dies with its parent: the one place for the platform's calls.
//!
//! - Linux: `prctl(PR_SET_PDEATHSIG, SIGKILL)`, for a forked child. Linux sends the signal when
//!   the *thread* that started the child ends, which for a fork is the only thread there was.
//! - Everywhere (and for a spawned child on Linux too, whose parent may start it from a thread
//!   that ends long before the process does): a lifeline, a pipe whose write end only the parent
//!   holds. When the parent is gone, however it ended, the kernel closes that end; the child's
//!   watcher thread reads end-of-file and ends the child with SIGKILL, as the Linux signal would.

use nix::sys::signal::{Signal, raise};
use nix::unistd::Pid;
use std::io::Read;
use std::os::fd::OwnedFd;
use std::sync::Mutex;

/// The write ends the parent holds, one per spawned child until it is reaped.
static HELD: Mutex<Vec<(i32, OwnedFd)>> = Mutex::new(Vec::new());

/// A new lifeline: (the end the parent holds, the end the child watches). Both close on `exec`;
/// the spawn lets the child's end through.
pub(super) fn new() -> std::io::Result<(OwnedFd, OwnedFd)> {
    let (read, write) = std::io::pipe()?;
    Ok((write.into(), read.into()))
}

/// In the parent: holds `end` for the child `pid` until [`release`].
pub(super) fn hold(pid: Pid, end: OwnedFd) {
    HELD.lock()
        .unwrap_or_else(|e| e.into_inner())
        .push((pid.as_raw(), end));
}

/// In the parent, once `pid` is reaped: lets its lifeline go.
pub(super) fn release(pid: Pid) {
    HELD.lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|(child, _)| *child != pid.as_raw());
}

/// In a new child (forked): the parent's lifelines are not this process's to hold.
pub(super) fn forget_all() {
    HELD.lock().unwrap_or_else(|e| e.into_inner()).clear();
}

/// In a child: dies (SIGKILL) when the end held by its parent closes. A thread of its own waits
/// for that; it never prints and is never part of the trace.
pub(super) fn watch(end: OwnedFd) {
    let mut end = std::fs::File::from(end);
    std::thread::Builder::new()
        .name("lifeline".to_owned())
        .spawn(move || {
            let mut byte = [0u8; 1];
            // Nothing is ever written: any return is the parent's end closing (or an error on a
            // pipe no one else reads, which means the same).
            while let Err(error) = end.read(&mut byte) {
                if error.kind() != std::io::ErrorKind::Interrupted {
                    break;
                }
            }
            let _ = raise(Signal::SIGKILL);
        })
        .expect("start the lifeline watcher");
}

/// In a forked child: SIGKILL when the parent ends (Linux; elsewhere the caller falls back to a
/// lifeline). Returns whether the parent is still `parent` once the signal is armed: one that
/// died before would never send it.
#[cfg(target_os = "linux")]
pub(super) fn die_with_forking_parent(parent: Pid) -> bool {
    let _ = nix::sys::prctl::set_pdeathsig(Signal::SIGKILL);
    nix::unistd::getppid() == parent
}

/// Elsewhere: only the check. A forked child there would need a lifeline too (macOS has no
/// `PR_SET_PDEATHSIG`): what remains before this workspace runs on macOS.
#[cfg(not(target_os = "linux"))]
pub(super) fn die_with_forking_parent(parent: Pid) -> bool {
    nix::unistd::getppid() == parent
}
