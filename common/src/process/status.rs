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
pub(super) fn stopped(pid: Pid) -> bool {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // "pid (comm) state ...": the state follows the last ')', as a name may hold one.
    let state = stat
        .rsplit_once(')')
        .and_then(|(_, rest)| rest.trim_start().chars().next());
    matches!(state, Some('T' | 't'))
}
