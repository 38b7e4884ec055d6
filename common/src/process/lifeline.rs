//! How a child dies with its parent: the one place for the platform's calls.
//!
//! - Linux: `prctl(PR_SET_PDEATHSIG, SIGKILL)`, for a forked child. Linux sends the signal when
//!   the *thread* that started the child ends, which for a fork is the only thread there was.
//! - Everywhere (and for a spawned child on Linux too, whose parent may start it from a thread
//!   that ends long before the process does): a lifeline, a pipe whose write end only the parent
//!   holds. When the parent is gone, however it ended, the kernel closes that end. On Linux the
//!   child has asked the kernel to send it SIGKILL then (`O_ASYNC` with `F_SETSIG`: no thread,
//!   so the child can still fork children of its own); elsewhere a watcher thread reads
//!   end-of-file and raises SIGKILL, as the Linux signal would.

use nix::sys::signal::{Signal, raise};
use nix::unistd::Pid;
use std::io::Read;
use std::os::fd::OwnedFd;
use std::sync::{Mutex, Once};

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
    static FORGET: Once = Once::new();
    FORGET.call_once(|| super::at_fork::forget_in_child(forget_all));
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

/// In a new child (forked): the parent's lifelines are not this process's to hold. Registered
/// with `at_fork` at the first [`hold`].
fn forget_all() {
    HELD.lock().unwrap_or_else(|e| e.into_inner()).clear();
}

/// In a child: dies (SIGKILL) when the end held by its parent closes. The kernel sends the
/// signal: nothing runs in this process meanwhile.
#[cfg(all(
    target_os = "linux",
    any(
        target_arch = "x86_64",
        target_arch = "x86",
        target_arch = "aarch64",
        target_arch = "arm",
        target_arch = "riscv64"
    )
))]
pub(super) fn watch(end: OwnedFd) {
    use nix::libc::{F_GETFL, F_SETFD, F_SETFL, F_SETOWN, FD_CLOEXEC, O_ASYNC, fcntl};
    use std::os::fd::{AsRawFd, IntoRawFd};
    /// `F_SETSIG` from `<asm-generic/fcntl.h>` (x86, ARM, RISC-V), which `libc` does not define.
    const F_SETSIG: nix::libc::c_int = 10;
    // Its own open file description (an owner is set per description, and the fork server's
    // children all inherit one): the same pipe, opened again through /proc.
    let Ok(own) = std::fs::File::open(format!("/proc/self/fd/{}", end.as_raw_fd())) else {
        return watch_with_a_thread(end);
    };
    drop(end);
    let fd = own.into_raw_fd(); // kept open for the life of the process
    // SAFETY: `fcntl` on a descriptor this process owns (and never closes), with the flags and
    // values these commands take: this process as the owner, SIGKILL as the signal, `O_ASYNC`
    // added to the status flags, and close-on-exec set (a program this child runs is not ours).
    unsafe {
        fcntl(fd, F_SETOWN, nix::libc::getpid());
        fcntl(fd, F_SETSIG, Signal::SIGKILL as i32);
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_ASYNC);
        fcntl(fd, F_SETFD, FD_CLOEXEC);
    }
    // A parent that died before the line above sent nothing: look once.
    // SAFETY: `fd` is open (above) and stays open for the rest of the process.
    let borrowed = unsafe { std::os::fd::BorrowedFd::borrow_raw(fd) };
    let mut fds = [nix::poll::PollFd::new(
        borrowed,
        nix::poll::PollFlags::POLLIN,
    )];
    if nix::poll::poll(&mut fds, nix::poll::PollTimeout::ZERO).is_ok_and(|n| n > 0) {
        let _ = raise(Signal::SIGKILL);
    }
}

/// Elsewhere: a thread of its own waits for the end; it never prints and is never part of the
/// trace. (It holds no lock while it waits, but `fork` refuses a process with two threads.)
#[cfg(not(all(
    target_os = "linux",
    any(
        target_arch = "x86_64",
        target_arch = "x86",
        target_arch = "aarch64",
        target_arch = "arm",
        target_arch = "riscv64"
    )
)))]
pub(super) fn watch(end: OwnedFd) {
    watch_with_a_thread(end)
}

fn watch_with_a_thread(end: OwnedFd) {
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
