//! Waiting for a child: Python's `join`, `join(timeout)`, `is_alive` and `exitcode`.

use super::{Process, children};
use nix::sys::wait::WaitPidFlag;
use std::os::fd::{AsFd, FromRawFd, OwnedFd};
use std::time::{Duration, Instant};

/// A pidfd for the child `pid` (`pidfd_open(2)`, Linux 5.3): readable once the child has ended.
/// `None` where the kernel has none.
fn pidfd(pid: nix::unistd::Pid) -> Option<OwnedFd> {
    let pid = pid.as_raw();
    // SAFETY: `pidfd_open` takes a PID and flags (0) and returns a new descriptor or -1; it
    // touches no memory of ours.
    let fd = unsafe { nix::libc::syscall(nix::libc::SYS_pidfd_open, pid, 0) };
    let fd = i32::try_from(fd).ok().filter(|fd| *fd >= 0)?;
    // SAFETY: `fd` was just returned by the kernel, is open, and is owned by nothing else.
    Some(unsafe { OwnedFd::from_raw_fd(fd) })
}

impl Process {
    /// Waits until the child has ended: Python's `p.join()`.
    ///
    /// # Panics
    /// If the process was never started, as Python's `join` raises.
    pub fn join(&mut self) {
        assert!(self.pid.is_some(), "can only join a started process");
        while self.exitcode.is_none() {
            self.reap(WaitPidFlag::empty());
        }
    }

    /// Waits up to `timeout` for the child to end: Python's `p.join(timeout)`. Returns whether it
    /// has ended (Python returns `None` either way and leaves you to check `exitcode`).
    ///
    /// ```
    /// use std::time::Duration;
    /// let mut p = common::process::Process::new(|| std::thread::sleep(Duration::from_secs(5)));
    /// p.start().unwrap();
    /// assert!(!p.join_timeout(Duration::from_millis(20)));
    /// p.kill();
    /// assert!(p.join_timeout(Duration::from_secs(5)));
    /// ```
    ///
    /// # Panics
    /// If the process was never started, as Python's `join` raises.
    pub fn join_timeout(&mut self, timeout: Duration) -> bool {
        assert!(self.pid.is_some(), "can only join a started process");
        let deadline = Instant::now() + timeout;
        // The caller sleeps until the child ends or the time is up, woken once: the child's
        // pidfd is readable when it has ended (`poll`). Where there is no pidfd (a kernel before
        // 5.3), a look every 1 ms to 10 ms instead (that polling woke a pool's `terminate` about a
        // hundred times a second, which a checker counting wakes took for the learner's).
        let mut pause = Duration::from_millis(1);
        loop {
            if !self.is_alive() {
                return true;
            }
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            // Still alive, so not reaped: its PID is still this child's, and the pidfd its.
            let left = deadline - now;
            match self.pid.and_then(pidfd) {
                Some(fd) => {
                    let ms = u16::try_from(left.as_millis().saturating_add(1)).unwrap_or(u16::MAX);
                    let mut fds = [nix::poll::PollFd::new(
                        fd.as_fd(),
                        nix::poll::PollFlags::POLLIN,
                    )];
                    // EINTR (a signal) and a timeout alike: look again.
                    let _ = nix::poll::poll(&mut fds, nix::poll::PollTimeout::from(ms));
                }
                None => {
                    std::thread::sleep(pause.min(left));
                    pause = (pause * 2).min(Duration::from_millis(10));
                }
            }
        }
    }

    /// Whether the child is still running (it is reaped here if it has ended): `p.is_alive()`.
    ///
    /// ```
    /// let mut p = common::process::Process::new(|| common::sleep_secs(0.05));
    /// assert!(!p.is_alive());
    /// p.start().unwrap();
    /// assert!(p.is_alive());
    /// p.join();
    /// assert!(!p.is_alive());
    /// ```
    pub fn is_alive(&mut self) -> bool {
        if self.pid.is_none() {
            return false;
        }
        if self.exitcode.is_none() {
            self.reap(WaitPidFlag::WNOHANG);
        }
        self.exitcode.is_none()
    }

    /// The exit code: `None` while running or never started, `0` on success, `1` if the target
    /// panicked, `-N` after death by signal N. Python's `p.exitcode`.
    pub fn exitcode(&mut self) -> Option<i32> {
        self.is_alive();
        self.exitcode
    }

    fn reap(&mut self, flags: WaitPidFlag) {
        let Some(pid) = self.pid else { return };
        if let Some(code) = children::reap(pid, flags) {
            self.exitcode = Some(code);
        }
    }
}
