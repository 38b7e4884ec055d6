//! A child's end, as Python reports it: `waitpid`, and the exit code of its status; and whether
//! a process is stopped.

use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::Pid;

/// Python's exit code for a wait status: the exit status, or minus the signal number.
fn exitcode_of(status: WaitStatus) -> Option<i32> {
    match status {
        WaitStatus::Exited(_, code) => Some(code),
        WaitStatus::Signaled(_, signal, _) => Some(-(signal as i32)),
        _ => None,
    }
}

/// `waitpid` once (retrying on EINTR); the exit code if the child has ended.
pub(super) fn wait_for(pid: Pid, flags: WaitPidFlag) -> Option<i32> {
    loop {
        match waitpid(pid, Some(flags)) {
            Ok(status) => return exitcode_of(status),
            Err(nix::errno::Errno::EINTR) => continue,
            // ECHILD: not our child, or already reaped; nothing is left to wait for.
            Err(_) => return Some(-1),
        }
    }
}

/// Whether `pid` is stopped (SIGSTOP, job control, or a debugger's trace stop), from its
/// `/proc/<pid>/stat`; a process that is gone is not.
pub(crate) fn stopped(pid: Pid) -> bool {
    matches!(state(pid), Some('T' | 't'))
}

/// Whether `pid` is a child of this process, running or ended and not yet reaped: `waitid` with
/// `WNOWAIT` looks without reaping, and ECHILD says it is not ours.
pub(crate) fn is_our_child(pid: Pid) -> bool {
    use nix::sys::wait::{Id, waitid};
    let look = WaitPidFlag::WEXITED | WaitPidFlag::WNOHANG | WaitPidFlag::WNOWAIT;
    loop {
        match waitid(Id::Pid(pid), look) {
            Ok(_) => return true,
            Err(nix::errno::Errno::EINTR) => continue,
            Err(_) => return false,
        }
    }
}

/// Whether `pid` has ended: gone, or a zombie its parent has not reaped (a parent that is itself
/// stopped cannot).
pub(crate) fn ended(pid: Pid) -> bool {
    matches!(state(pid), None | Some('Z' | 'X'))
}

/// The state letter of `pid`'s `/proc/<pid>/stat`; `None` when it is gone.
fn state(pid: Pid) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // "pid (comm) state ...": the state follows the last ')', as a name may hold one.
    stat.rsplit_once(')')
        .and_then(|(_, rest)| rest.trim_start().chars().next())
}
