//! How a process started without `fork` (a spawned child, the fork server) gets the channel its
//! launch arrives on.
//!
//! `ipc-channel` makes a receiver only for a channel created in the process or received over
//! one, so the new process opens a one-shot server (a listening socket in a new temporary
//! directory) and writes its path on the socket it inherited. The parent connects, removes the
//! path (so nothing is left behind if either is killed later), sends the first message and
//! rings: one byte on the inherited socket. The new process waits for that byte or for its
//! lifeline's end (its parent died before connecting), never for a connection that may not come.

use ipc_channel::ipc::{IpcOneShotServer, IpcReceiver, IpcSender};
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::io::{self, Read, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::path::Path;

/// In the new process: the receiver its parent sends on, and the first message.
pub(super) fn accept<T>(
    parent: &mut UnixStream,
    lifeline: &OwnedFd,
) -> Result<(IpcReceiver<T>, T), String>
where
    T: Serialize + DeserializeOwned,
{
    let (server, name) =
        IpcOneShotServer::<T>::new().map_err(|e| format!("cannot open its channel: {e}"))?;
    let length = u32::try_from(name.len()).map_err(|e| e.to_string())?;
    parent
        .write_all(&length.to_le_bytes())
        .and_then(|()| parent.write_all(name.as_bytes()))
        .map_err(|e| format!("cannot tell its parent where to connect: {e}"))?;
    if !wait_for_ring(parent, lifeline) {
        return Err("its parent ended before it sent anything".to_owned());
    }
    server
        .accept()
        .map_err(|e| format!("cannot receive from its parent: {e}"))
}

/// In the parent: connects to the new process at the other end of `child` and sends `first`.
/// `None` if the process ended before it opened its server (it says why on stderr).
pub(super) fn connect<T: Serialize>(
    child: &mut UnixStream,
    first: T,
) -> io::Result<Option<IpcSender<T>>> {
    let mut length = [0u8; 4];
    match child.read_exact(&mut length) {
        Err(error) if error.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        other => other?,
    }
    let mut name = vec![0u8; u32::from_le_bytes(length) as usize];
    child.read_exact(&mut name)?;
    let name = String::from_utf8(name).map_err(io::Error::other)?;
    let sender = IpcSender::<T>::connect(name.clone())?;
    // Connected: the path has done its work.
    let path = Path::new(&name);
    let _ = std::fs::remove_file(path);
    if let Some(directory) = path.parent() {
        let _ = std::fs::remove_dir(directory);
    }
    sender.send(first).map_err(io::Error::other)?;
    ring(child)?;
    Ok(Some(sender))
}

/// Tells the process at the other end of `stream` that a message is waiting on its channel.
pub(super) fn ring(stream: &mut UnixStream) -> io::Result<()> {
    stream.write_all(&[1])
}

/// Waits for a ring on `stream` or for the end of `lifeline`: whether it rang (false: the
/// parent closed `stream` or died).
pub(super) fn wait_for_ring(stream: &mut UnixStream, lifeline: &OwnedFd) -> bool {
    loop {
        let mut fds = [
            PollFd::new(stream.as_fd(), PollFlags::POLLIN),
            PollFd::new(lifeline.as_fd(), PollFlags::POLLIN),
        ];
        match poll(&mut fds, PollTimeout::NONE) {
            Err(nix::errno::Errno::EINTR) => continue,
            Err(_) => return false,
            Ok(_) => {}
        }
        // Anything on the lifeline is its end: nothing is ever written on it.
        if fds[1].any().unwrap_or(true) {
            return false;
        }
        let mut byte = [0u8; 1];
        return matches!(stream.read(&mut byte), Ok(1));
    }
}
