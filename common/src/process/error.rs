//! Why a process could not be started.

use std::fmt;

/// Why a process could not be started: Python raises these at `p.start()`.
#[derive(Debug)]
pub enum ProcessError {
    /// `start` was called a second time.
    AlreadyStarted,
    /// Other threads exist; forking now could leave the child deadlocked on a lock one of them held.
    ThreadsRunning(usize),
    /// `fork(2)` itself failed (e.g. `EAGAIN`: too many processes).
    Fork(nix::Error),
    /// Under `spawn`, a target that is a closure: only a function and its arguments can be sent
    /// to a fresh program (Python's `PicklingError` for a lambda).
    NotSpawnable,
    /// The arguments of a [`Process::target`](super::Process::target) did not serialize (Python's `PicklingError`).
    Arguments(String),
    /// The program could not be run again for `spawn` (or a pipe for it could not be made).
    Spawn(std::io::Error),
    /// In a spawned child whose `main` did not call [`init`](super::init) first: `main` is running again
    /// where only the target should (Python's "bootstrapping phase" `RuntimeError`).
    Bootstrapping,
}

impl fmt::Display for ProcessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProcessError::AlreadyStarted => write!(f, "a process can be started only once"),
            ProcessError::ThreadsRunning(n) => write!(
                f,
                "cannot fork while {n} threads are running: start processes before threads, or use the spawn start method"
            ),
            ProcessError::Fork(errno) => write!(f, "fork failed: {errno}"),
            ProcessError::NotSpawnable => write!(
                f,
                "a closure cannot be sent to a spawned child: start it with Process::target(function, args)"
            ),
            ProcessError::Arguments(why) => write!(f, "cannot serialize the arguments: {why}"),
            ProcessError::Spawn(error) => write!(f, "cannot spawn the child: {error}"),
            ProcessError::Bootstrapping => f.write_str(crate::config::NOT_HANDED_OFF),
        }
    }
}

impl std::error::Error for ProcessError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ProcessError::Fork(errno) => Some(errno),
            ProcessError::Spawn(error) => Some(error),
            _ => None,
        }
    }
}
