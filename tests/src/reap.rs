//! Leftover processes: finding them, and making sure none outlives a test.
//!
//! The test process becomes a child subreaper (`PR_SET_CHILD_SUBREAPER`) before its first run:
//! a process an example leaves behind is then handed to the test, not to PID 1 (which, in some
//! containers, never reaps), so a test can see it die and reap it.

use nix::sys::signal::{Signal, kill};
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::Pid;
use std::sync::Once;
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
