//! Leftover processes: finding them, and making sure none outlives a test.
//!
//! The test process becomes a child subreaper (`PR_SET_CHILD_SUBREAPER`) before its first run:
//! a process an example leaves behind is then handed to the test, not to PID 1 (which, in some
//! containers, never reaps), so a test can see it die and reap it.

use nix::sys::signal::{Signal, kill, killpg};
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::Pid;
use std::process::ExitStatus;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// Makes this test process the reaper of whatever an example leaves behind.
pub(crate) fn become_subreaper() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ = nix::sys::prctl::set_child_subreaper(true);
    });
}

/// Whether `pid` is in `/proc`, running or a zombie not yet reaped.
pub fn exists(pid: u32) -> bool {
    std::path::Path::new(&format!("/proc/{pid}")).exists()
}

/// Whether `pid` is gone, or has died and is only waiting to be reaped by us; reaps it then.
fn dead(pid: u32) -> bool {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // The state is the field after the parenthesised command name.
    let state = stat
        .rsplit_once(") ")
        .and_then(|(_, rest)| rest.chars().next());
    match state {
        None => true,
        Some('Z') => {
            let _ = waitpid(Pid::from_raw(pid as i32), Some(WaitPidFlag::WNOHANG));
            true
        }
        Some(_) => matches!(
            waitpid(Pid::from_raw(pid as i32), Some(WaitPidFlag::WNOHANG)),
            Ok(WaitStatus::Exited(..) | WaitStatus::Signaled(..))
        ),
    }
}

/// Waits up to `timeout` for `pid` to die (reaping it if it came to us); whether it did.
pub fn wait_gone(pid: u32, timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        if dead(pid) {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// SIGKILLs `pid` and reaps it if it is ours.
pub(crate) fn kill_and_reap(pid: u32) {
    let _ = kill(Pid::from_raw(pid as i32), Signal::SIGKILL);
    wait_gone(pid, Duration::from_secs(1));
}

/// How a wait for the example ended.
pub(crate) enum Waited {
    Exited(ExitStatus),
    TimedOut,
    Stopped,
}

/// Waits for the example to end, for `timeout` at most, or until `stop` is set. It sleeps on a
/// pidfd, which turns readable when the example ends, and looks at `stop` every 50 ms (a stop
/// comes when another run of the same check failed: 50 ms later is nothing). Where the kernel
/// has no pidfd (before Linux 5.3), it looks every 5 ms.
pub(crate) fn wait_with_timeout(
    child: &mut std::process::Child,
    timeout: Duration,
    stop: Option<&AtomicBool>,
) -> Waited {
    let deadline = Instant::now() + timeout;
    let pid = rustix::process::Pid::from_child(child);
    let pidfd = rustix::process::pidfd_open(pid, rustix::process::PidfdFlags::empty()).ok();
    loop {
        if let Some(status) = child.try_wait().expect("wait for the example") {
            return Waited::Exited(status);
        }
        let now = Instant::now();
        if now >= deadline {
            return Waited::TimedOut;
        }
        if stop.is_some_and(|stop| stop.load(Ordering::Relaxed)) {
            return Waited::Stopped;
        }
        let mut step = deadline - now;
        if stop.is_some() {
            step = step.min(Duration::from_millis(50));
        }
        match &pidfd {
            Some(pidfd) => {
                let step = rustix::event::Timespec::try_from(step).expect("a short wait");
                let mut fds = [rustix::event::PollFd::new(
                    pidfd,
                    rustix::event::PollFlags::IN,
                )];
                // Interrupted by a signal (EINTR) or woken: the loop looks again either way.
                let _ = rustix::event::poll(&mut fds, Some(&step));
            }
            None => thread::sleep(step.min(Duration::from_millis(5))),
        }
    }
}

pub(crate) fn kill_group(pid: u32) {
    let _ = killpg(Pid::from_raw(pid as i32), Signal::SIGKILL);
}

/// Once the killed group's leader is reaped: reaps the rest of the group as it comes to this
/// process (a subreaper: each member is handed to it when its parent dies), so that a killed run
/// leaves no zombie behind for the rest of the test. Done when none of the group is a child of
/// this process any more (a member whose parent left the group is not waited for).
pub(crate) fn reap_group(pid: u32) {
    let group = Pid::from_raw(-(pid as i32));
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        match waitpid(group, Some(WaitPidFlag::WNOHANG)) {
            Ok(WaitStatus::StillAlive) if Instant::now() < deadline => {
                thread::sleep(Duration::from_millis(1));
            }
            Ok(WaitStatus::StillAlive) => return,
            Ok(_) => {}
            // ECHILD: no member of the group is a child of this process.
            Err(_) => return,
        }
    }
}
