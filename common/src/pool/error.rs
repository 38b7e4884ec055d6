//! Why a pool call failed: one enum, whose variants carry their cause.

use crate::process::ProcessError;
use ipc_channel::IpcError;
use std::fmt;

/// Why a pool call failed. A variant that wraps another error gives it as its `source()`.
///
/// ```
/// use common::pool::PoolError;
/// use std::error::Error;
/// let error = PoolError::Channel(std::io::Error::other("too many open files"));
/// assert_eq!(error.source().unwrap().to_string(), "too many open files");
/// ```
#[derive(Debug)]
pub enum PoolError {
    /// `Pool::new(0)`: Python's `ValueError: Number of processes must be at least 1`.
    NoProcesses,
    /// A `chunksize` of 0.
    ZeroChunksize,
    /// A `maxtasksperchild` of 0: Python's `ValueError: maxtasksperchild must be a positive int`.
    ZeroMaxTasks,
    /// The pool's fork server could not be started (a thread was running, say).
    Start(ProcessError),
    /// A channel to or from the pool could not be made (too many open files, say).
    Channel(std::io::Error),
    /// A message to or from the pool could not be sent or received.
    Ipc(IpcError),
    /// An item or a result could not be encoded or decoded.
    Format(postcard::Error),
    /// `f` panicked on the item at this index (in input order), with this message, at this place
    /// in the source: Python's `map` re-raising the worker's exception. The worker printed
    /// nothing and lives on.
    TaskPanicked {
        /// The item's index.
        index: usize,
        /// What the panic said (`"boom at 5"`).
        message: String,
        /// Where: `file:line:column`.
        location: String,
    },
    /// A worker died (killed, or it crashed) while it had these items; a new one took its place.
    WorkerDied {
        /// The worker's name (`ForkPoolWorker-3`).
        worker: String,
        /// Its exit code (`-9` after SIGKILL).
        exitcode: Option<i32>,
        /// The indexes (in input order) of this call's items it had and had not finished.
        items: Vec<usize>,
    },
    /// A worker's reply named a slot, a task or an item that does not exist: the worker was
    /// killed (a new one takes its place) and the items it had fail with this.
    WorkerLied {
        /// The worker's name (`ForkPoolWorker-3`).
        worker: String,
        /// What its reply named that does not exist.
        what: String,
        /// The indexes (in input order) of this call's items it had.
        items: Vec<usize>,
    },
    /// The pool's fork server is gone, and its workers with it: the pool cannot go on.
    ServerDied,
    /// The pool's fork server was stopped (SIGSTOP, a debugger) for a second while a worker it
    /// had to start was awaited: it was killed, with its workers, and the pool ended (CPython's
    /// pool would wait for ever).
    ServerStopped {
        /// The server's PID.
        pid: u32,
    },
    /// Work given to a pool after `close` or `terminate`: Python's `ValueError: Pool not running`.
    NotRunning,
    /// `join` before `close` or `terminate`: Python's `ValueError: Pool is still running`.
    StillRunning,
    /// `terminate` came before this work was done.
    Terminated,
    /// `get_timeout` ran out first: Python's `multiprocessing.TimeoutError`.
    Timeout,
}

impl fmt::Display for PoolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PoolError::NoProcesses => write!(f, "a pool needs at least one process"),
            PoolError::ZeroChunksize => write!(f, "a chunksize must be at least 1"),
            PoolError::ZeroMaxTasks => write!(f, "maxtasksperchild must be at least 1"),
            PoolError::Start(error) => write!(f, "cannot start the pool: {error}"),
            PoolError::Channel(error) => write!(f, "cannot make a pool channel: {error}"),
            PoolError::Ipc(error) => write!(f, "pool channel failed: {error}"),
            PoolError::Format(error) => write!(f, "cannot encode or decode an item: {error}"),
            PoolError::TaskPanicked {
                index,
                message,
                location,
            } => write!(
                f,
                "the task for item {index} panicked at {location}: {message}"
            ),
            PoolError::WorkerDied {
                worker,
                exitcode,
                items,
            } => {
                // As the rest of the output says it: "exit code -9", not Rust's `Some(-9)`.
                match exitcode {
                    Some(code) => write!(f, "{worker} died (exit code {code})")?,
                    None => write!(f, "{worker} died")?,
                }
                write!(f, " with items {items:?} unfinished")
            }
            PoolError::WorkerLied {
                worker,
                what,
                items,
            } => write!(
                f,
                "{worker} replied with {what}, and was killed with items {items:?} unfinished"
            ),
            PoolError::ServerDied => write!(f, "the pool's fork server died"),
            PoolError::ServerStopped { pid } => write!(
                f,
                "the pool's fork server (PID {pid}) was stopped (SIGSTOP or a debugger) while a worker had to be started or its end reported: it was killed, and the pool with it"
            ),
            PoolError::NotRunning => write!(f, "the pool is not running (closed or terminated)"),
            PoolError::StillRunning => write!(f, "join needs close or terminate first"),
            PoolError::Terminated => write!(f, "the pool was terminated before the work was done"),
            PoolError::Timeout => write!(f, "the result was not ready in time"),
        }
    }
}

impl std::error::Error for PoolError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PoolError::Start(error) => Some(error),
            PoolError::Channel(error) => Some(error),
            PoolError::Ipc(error) => Some(error),
            PoolError::Format(error) => Some(error),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PoolError;
    use std::error::Error;

    /// Each error says what happened in words, as the rest of the output does, and the ones that
    /// wrap another error name it as their source.
    #[test]
    fn the_errors_say_what_happened_and_name_their_cause() {
        let died = PoolError::WorkerDied {
            worker: "ForkPoolWorker-3".into(),
            exitcode: Some(-9),
            items: vec![4, 5],
        };
        assert_eq!(
            died.to_string(),
            "ForkPoolWorker-3 died (exit code -9) with items [4, 5] unfinished"
        );
        assert_eq!(
            PoolError::ServerDied.to_string(),
            "the pool's fork server died"
        );
        assert!(died.source().is_none());
        let wrapped = [
            PoolError::Start(crate::process::ProcessError::AlreadyStarted),
            PoolError::Channel(std::io::Error::other("too many open files")),
            PoolError::Ipc(ipc_channel::IpcError::Disconnected),
            PoolError::Format(postcard::Error::DeserializeUnexpectedEnd),
        ];
        for error in wrapped {
            let cause = error.source().expect("the wrapped error").to_string();
            assert!(error.to_string().ends_with(&cause), "{error} / {cause}");
        }
    }
}
