//! Running this program again (`spawn`'s child, the fork server), and the one value that hands
//! the new process its two descriptors: written by [`run_again`], read by [`inherited`].

use crate::config::{FORKSERVER_VAR, SPAWNED_VAR};
use nix::libc;
use nix::unistd::Pid;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::process::CommandExt;
use std::process::Command;

/// Runs this program again, with `var` naming two descriptors it lets through `exec` (a socket to
/// the new process and the new process's end of its lifeline) and this process's PID.
pub(super) fn run_again(
    var: &str,
    first: &impl AsRawFd,
    lifeline: &impl AsRawFd,
) -> io::Result<Pid> {
    let through = [first.as_raw_fd(), lifeline.as_raw_fd()];
    let value = format!("{},{},{}", through[0], through[1], std::process::id());
    let mut command = Command::new(executable());
    let mut args = std::env::args_os();
    if let Some(arg0) = args.next() {
        command.arg0(arg0);
    }
    command
        .args(args)
        .env_remove(SPAWNED_VAR)
        .env_remove(FORKSERVER_VAR)
        .env(var, &value);
    // SAFETY: between `fork` and `exec` the closure calls only `sigprocmask` and `fcntl`, which
    // are async-signal-safe, allocate nothing and take no lock. It unblocks every signal (the
    // parent holds SIGINT and SIGTERM back while it starts a child, and a mask survives `exec`)
    // and clears close-on-exec on two descriptors the caller keeps open until this returns.
    unsafe {
        command.pre_exec(move || {
            let mut none = std::mem::MaybeUninit::<libc::sigset_t>::uninit();
            libc::sigemptyset(none.as_mut_ptr());
            libc::sigprocmask(libc::SIG_SETMASK, none.as_ptr(), std::ptr::null_mut());
            for fd in through {
                if libc::fcntl(fd, libc::F_SETFD, 0) == -1 {
                    return Err(io::Error::last_os_error());
                }
            }
            Ok(())
        });
    }
    Ok(Pid::from_raw(command.spawn()?.id() as i32))
}

/// The program this process runs: `/proc/self/exe` on Linux names the very file, even if a
/// rebuild has replaced the path since; elsewhere the path it was started from.
fn executable() -> std::path::PathBuf {
    if cfg!(target_os = "linux") {
        "/proc/self/exe".into()
    } else {
        std::env::current_exe()
            .unwrap_or_else(|_| std::env::args_os().next().unwrap_or_default().into())
    }
}

/// In the new process: the two descriptors its variable names (`first,lifeline,parent`, as
/// [`run_again`] wrote it), checked to come from its parent.
pub(super) fn inherited(raw: &str) -> Result<[OwnedFd; 2], String> {
    let bad = || format!("{raw:?} is not what a parent sets");
    let numbers: Vec<i64> = raw
        .split(',')
        .map(|n| n.parse().map_err(|_| bad()))
        .collect::<Result<_, _>>()?;
    let [first, lifeline, parent] = numbers[..] else {
        return Err(bad());
    };
    if i64::from(std::os::unix::process::parent_id()) != parent {
        return Err(format!("{} (its parent is not process {parent})", bad()));
    }
    Ok([
        adopt(first).ok_or_else(bad)?,
        adopt(lifeline).ok_or_else(bad)?,
    ])
}

/// Takes ownership of an inherited descriptor: one above the standard three that is open.
fn adopt(fd: i64) -> Option<OwnedFd> {
    let fd = RawFd::try_from(fd).ok().filter(|&fd| fd > 2)?;
    // SAFETY: `F_GETFD` only reads the descriptor's flags; -1 means it is not open.
    if unsafe { libc::fcntl(fd, libc::F_GETFD) } == -1 {
        return None;
    }
    // SAFETY: the parent (checked to be our parent) opened this descriptor for this process and
    // let it through `exec`; nothing else in this fresh program knows it, so it is ours to own.
    Some(unsafe { OwnedFd::from_raw_fd(fd) })
}
