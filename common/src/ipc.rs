//! Messages between processes: Python's `Pipe()`, and a queue wait that cannot hang on a dead child.
//!
//! Python's `Pipe()` is a pair of connected sockets, each end able to send and receive pickled
//! objects. [`pipe`] is the same on `ipc-channel`: two of its channels (each a `socketpair` of
//! sequenced packets), one each way, each message a value in `postcard`, serde's compact binary
//! format. An end is itself serializable, so it can be handed to a child of any start method
//! (its descriptors travel, as Python passes a `Connection`'s to a spawned child).
//!
//! ```
//! let (a, b) = common::ipc::pipe().unwrap();
//! a.send(&(31, None::<i32>, "hello".to_string())).unwrap();
//! let got: (i32, Option<i32>, String) = b.recv().unwrap();
//! assert_eq!(got.2, "hello");
//! drop(a);
//! assert!(matches!(b.recv::<u8>(), Err(common::ipc::ConnectionError::Closed)));
//! ```

use crate::process::Process;
use ipc_channel::ipc::{IpcBytesReceiver, IpcBytesSender, bytes_channel};
/// Python's `Queue` between processes: `ipc-channel`'s channel, its two ends, re-exported so that
/// `common::ipc::channel::<T>()` needs no other import. Its items must be `Serialize` and
/// `Deserialize`: they cross to another process as bytes, as Python pickles them.
pub use ipc_channel::ipc::{IpcReceiver, IpcSender, channel};
use ipc_channel::{IpcError, TryRecvError};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::io;
use std::time::Duration;

/// One end of a [`pipe`]: Python's `multiprocessing.connection.Connection`.
#[derive(Debug, Serialize, Deserialize)]
pub struct Connection {
    to: IpcBytesSender,
    from: IpcBytesReceiver,
}

/// Why a message could not be sent or received.
#[derive(Debug)]
pub enum ConnectionError {
    /// The other end is closed: its process closed it, exited or died (Python's `EOFError`).
    Closed,
    /// The message could not be encoded or decoded.
    Format(postcard::Error),
    /// Another I/O error.
    Io(io::Error),
}

impl fmt::Display for ConnectionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConnectionError::Closed => write!(f, "the other end of the pipe is closed"),
            ConnectionError::Format(error) => write!(f, "bad message: {error}"),
            ConnectionError::Io(error) => write!(f, "pipe error: {error}"),
        }
    }
}

impl std::error::Error for ConnectionError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ConnectionError::Format(error) => Some(error),
            ConnectionError::Io(error) => Some(error),
            ConnectionError::Closed => None,
        }
    }
}

impl From<io::Error> for ConnectionError {
    fn from(error: io::Error) -> Self {
        match error.kind() {
            io::ErrorKind::UnexpectedEof
            | io::ErrorKind::BrokenPipe
            | io::ErrorKind::ConnectionReset => ConnectionError::Closed,
            _ => ConnectionError::Io(error),
        }
    }
}

fn closed_or_io(error: IpcError) -> ConnectionError {
    match error {
        IpcError::Disconnected => ConnectionError::Closed,
        IpcError::Io(error) => error.into(),
        IpcError::SerializationError(error) => ConnectionError::Io(io::Error::other(error)),
    }
}

/// A duplex pipe between two processes: Python's `Pipe()`. Give one end to the child (as an
/// argument of [`Process::target`]) and keep the other. Once the child has started, the parent
/// has no copy of the child's end (a `spawn` child received it; a `fork` child's copy is the
/// parent's, dropped by [`Process::start`]), so the parent sees [`ConnectionError::Closed`] if
/// the child dies.
///
/// The other way round it depends on the start method: `fork` copies every open descriptor, so
/// a forked child also holds the parent's end, and never sees `Closed` when the parent drops its
/// own; a spawned child holds only what it was given, and does. A child that serves requests
/// until the parent is done is told so with a message under every method. (If the parent dies,
/// the child dies too: see [`crate::process`].)
pub fn pipe() -> io::Result<(Connection, Connection)> {
    let (a_to, b_from) = bytes_channel()?;
    let (b_to, a_from) = bytes_channel()?;
    Ok((
        Connection {
            to: a_to,
            from: a_from,
        },
        Connection {
            to: b_to,
            from: b_from,
        },
    ))
}

impl Connection {
    /// Sends one value: Python's `conn.send(obj)`.
    pub fn send<T: Serialize + ?Sized>(&self, value: &T) -> Result<(), ConnectionError> {
        let bytes = postcard::to_stdvec(value).map_err(ConnectionError::Format)?;
        self.to.send(&bytes)?;
        Ok(())
    }

    /// Waits for one value: Python's `conn.recv()`. It sleeps at once, as CPython's does: a
    /// look before sleeping (as the manager's server does, `crate::spin`) made round trips
    /// ten times faster on an idle machine and more than ten times slower on a busy one
    /// (`bench/notes.md`).
    pub fn recv<T: DeserializeOwned>(&self) -> Result<T, ConnectionError> {
        let bytes = self.from.recv().map_err(closed_or_io)?;
        crate::perturb::message_received();
        postcard::from_bytes(&bytes).map_err(ConnectionError::Format)
    }

    /// Closes this end: Python's `conn.close()`. Dropping it does the same.
    pub fn close(self) {}
}

/// Why [`recv_from`] got nothing.
#[derive(Debug)]
pub enum RecvError {
    /// The process that was to send ended without sending.
    SenderDied {
        /// Its name.
        name: String,
        /// How it ended (`1` after a panic, `-9` after SIGKILL).
        exitcode: Option<i32>,
    },
    /// Every sender is gone and nothing is left to receive.
    Disconnected,
    /// The channel failed.
    Ipc(IpcError),
}

impl fmt::Display for RecvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecvError::SenderDied { name, exitcode } => {
                write!(f, "{name} ended (exit code {exitcode:?}) without sending")
            }
            RecvError::Disconnected => write!(f, "every sender is gone"),
            RecvError::Ipc(error) => write!(f, "queue error: {error}"),
        }
    }
}

impl std::error::Error for RecvError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RecvError::Ipc(error) => Some(error),
            RecvError::SenderDied { .. } | RecvError::Disconnected => None,
        }
    }
}

/// Waits for a value on `queue` that `sender` is to send: Python's `q.get()`, except that it
/// returns an error instead of waiting forever when `sender` has died without sending.
///
/// A queue's receiver sees "disconnected" only when every copy of the sender is closed, and
/// the parent often still holds one (to give to a later child): so this also watches the child.
///
/// ```
/// use common::process::Process;
/// let (put, queue) = ipc_channel::ipc::channel::<u32>().unwrap();
/// let mut child = Process::new(move || put.send(7).unwrap());
/// child.start().unwrap();
/// assert_eq!(common::ipc::recv_from(&queue, &mut child).unwrap(), 7);
/// child.join();
/// ```
pub fn recv_from<T>(queue: &IpcReceiver<T>, sender: &mut Process) -> Result<T, RecvError>
where
    T: Serialize + DeserializeOwned,
{
    const POLL: Duration = Duration::from_millis(50);
    loop {
        match queue.try_recv_timeout(POLL) {
            Ok(value) => return Ok(value),
            Err(TryRecvError::Empty) if sender.is_alive() => {}
            Err(TryRecvError::Empty) => {
                // It died; what it sent just before is still in the channel.
                return match queue.try_recv() {
                    Ok(value) => Ok(value),
                    Err(_) => Err(RecvError::SenderDied {
                        name: sender.get_name().to_owned(),
                        exitcode: sender.exitcode(),
                    }),
                };
            }
            Err(TryRecvError::IpcError(IpcError::Disconnected)) => {
                return Err(RecvError::Disconnected);
            }
            Err(TryRecvError::IpcError(error)) => return Err(RecvError::Ipc(error)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error;

    #[test]
    fn a_closed_pipe_is_told_from_another_io_error() {
        for kind in [
            io::ErrorKind::UnexpectedEof,
            io::ErrorKind::BrokenPipe,
            io::ErrorKind::ConnectionReset,
        ] {
            let error = ConnectionError::from(io::Error::from(kind));
            assert!(
                matches!(error, ConnectionError::Closed),
                "{kind:?}: {error:?}"
            );
            assert_eq!(error.to_string(), "the other end of the pipe is closed");
            assert!(error.source().is_none());
        }
        let error = ConnectionError::from(io::Error::from(io::ErrorKind::PermissionDenied));
        assert!(matches!(error, ConnectionError::Io(_)), "{error:?}");
        assert!(error.to_string().starts_with("pipe error: "), "{error}");
        assert!(error.source().is_some());
    }

    #[test]
    fn a_recv_error_says_who_ended_and_keeps_its_cause() {
        let died = RecvError::SenderDied {
            name: "Process-1".into(),
            exitcode: Some(-9),
        };
        assert_eq!(
            died.to_string(),
            "Process-1 ended (exit code Some(-9)) without sending"
        );
        assert!(died.source().is_none());
        assert_eq!(RecvError::Disconnected.to_string(), "every sender is gone");
        let failed = RecvError::Ipc(IpcError::Disconnected);
        assert!(failed.to_string().starts_with("queue error: "), "{failed}");
        assert!(failed.source().is_some());
    }
}
