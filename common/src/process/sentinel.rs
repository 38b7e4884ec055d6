//! The last two things CPython's tests do with a `Process`: wait on its `sentinel` together with
//! other things (`multiprocessing.connection.wait`), and `close()` it.

use super::Process;
use nix::libc;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use std::fmt;
use std::os::fd::{AsFd, BorrowedFd, FromRawFd, OwnedFd};
use std::time::Duration;

/// A descriptor that becomes readable when the process `pid` ends: a pidfd (Linux 5.3 and
/// later). `None` if the kernel has none to give.
pub(super) fn open(pid: nix::unistd::Pid) -> Option<OwnedFd> {
    // SAFETY: `pidfd_open` takes a PID and flags and returns a new descriptor or -1; the PID is
    // our own unreaped child's, so it cannot name another process.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid.as_raw(), 0) };
    // SAFETY: a non-negative result is a descriptor the call just opened, owned by nothing else.
    (fd >= 0).then(|| unsafe { OwnedFd::from_raw_fd(fd as i32) })
}

impl Process {
    /// Python's `p.sentinel`: a descriptor that becomes ready (readable) when the child ends,
    /// to wait on with others ([`wait`]). `None` before `start`.
    pub fn sentinel(&self) -> Option<BorrowedFd<'_>> {
        self.sentinel.as_ref().map(AsFd::as_fd)
    }

    /// Python's `p.close()`: lets go of what the `Process` holds (its sentinel; the child, reaped
    /// if it has ended). Closing a child that still runs is an error, which hands the `Process`
    /// back. Where Python raises `ValueError` at any use after `close`, Rust refuses to compile
    /// it: `close` takes the `Process`.
    ///
    /// ```
    /// use common::process::Process;
    /// let mut p = Process::new(|| common::sleep_secs(5.0));
    /// p.start().unwrap();
    /// let mut p = p.close().unwrap_err().0; // still running
    /// p.kill();
    /// p.join();
    /// assert!(p.close().is_ok());
    /// ```
    pub fn close(mut self) -> Result<(), StillRunning> {
        if self.pid.is_some() && self.is_alive() {
            return Err(StillRunning(self));
        }
        Ok(())
    }
}

/// [`Process::close`] of a child that still runs: Python's `ValueError: Cannot close a process
/// while it is still running`. The process is inside, to go on with.
#[derive(Debug)]
pub struct StillRunning(pub Process);

impl fmt::Display for StillRunning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot close {}: it is still running", self.0.get_name())
    }
}

impl std::error::Error for StillRunning {}

/// Python's `multiprocessing.connection.wait(sentinels, timeout)`: waits until at least one of
/// `sentinels` is ready, or `timeout` passes (`None`: no limit); the indexes of those ready, in
/// order (empty after a timeout).
///
/// ```
/// use common::process::{Process, wait};
/// use std::time::Duration;
/// let mut slow = Process::new(|| common::sleep_secs(30.0)).daemon(true);
/// let mut quick = Process::new(|| {});
/// slow.start().unwrap();
/// quick.start().unwrap();
/// let sentinels = [slow.sentinel().unwrap(), quick.sentinel().unwrap()];
/// assert_eq!(wait(&sentinels, None), vec![1]);
/// assert_eq!(wait(&sentinels[..1], Some(Duration::from_millis(10))), Vec::<usize>::new());
/// slow.kill();
/// slow.join();
/// quick.join();
/// ```
pub fn wait(sentinels: &[BorrowedFd<'_>], timeout: Option<Duration>) -> Vec<usize> {
    let mut fds: Vec<PollFd<'_>> = sentinels
        .iter()
        .map(|fd| PollFd::new(*fd, PollFlags::POLLIN))
        .collect();
    let timeout = timeout.map_or(PollTimeout::NONE, |t| {
        PollTimeout::try_from(t).unwrap_or(PollTimeout::MAX)
    });
    loop {
        match poll(&mut fds, timeout) {
            Err(nix::errno::Errno::EINTR) => continue,
            Err(_) | Ok(0) => return Vec::new(),
            Ok(_) => break,
        }
    }
    fds.iter()
        .enumerate()
        .filter(|(_, fd)| fd.revents().is_some_and(|r| !r.is_empty()))
        .map(|(i, _)| i)
        .collect()
}
