//! Waiting for a child: Python's `join`, `join(timeout)`, `is_alive` and `exitcode`.

use super::{Process, children};
use nix::sys::wait::WaitPidFlag;
use std::time::{Duration, Instant};

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
        // Polling: a child's end wakes nothing a thread could wait on with a timeout here. The
        // pause grows from 1 ms to 10 ms, so a short join is quick and a long one cheap.
        let mut pause = Duration::from_millis(1);
        loop {
            if !self.is_alive() {
                return true;
            }
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            std::thread::sleep(pause.min(deadline - now));
            pause = (pause * 2).min(Duration::from_millis(10));
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
