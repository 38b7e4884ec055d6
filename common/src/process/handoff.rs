//! How a process started without `fork` (a spawned child, the fork server) gets the channel its
//! launch arrives on.
//!
//! `ipc-channel` makes a receiver only for a channel created in the process or received over
//! one, so the new process opens a one-shot server (a listening socket in a new temporary
//! directory) and writes its path on the socket it inherited. The parent connects, removes the
//! path (so nothing is left behind if either is killed later), sends the first message and
//! rings: one byte on the inherited socket. The new process waits for that byte or for its
//! lifeline's end (its parent died before connecting), never for a connection that may not come.
//! Until then it holds SIGINT, SIGTERM and SIGHUP back and watches for them too: one of them (its
//! parent's exit rule ends its children with SIGTERM) ends the wait, so that the server's
//! directory is removed before the signal ends the process.

use ipc_channel::ipc::{IpcOneShotServer, IpcReceiver, IpcSender};
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::sys::signal::{SigSet, SigmaskHow, Signal, pthread_sigmask};
use nix::sys::signalfd::{SfdFlags, SignalFd};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::io::{self, Read, Write};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
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
    let mut fatal = SigSet::empty();
    for signal in [Signal::SIGINT, Signal::SIGTERM, Signal::SIGHUP] {
        fatal.add(signal);
    }
    let mut previous = SigSet::empty();
    pthread_sigmask(SigmaskHow::SIG_BLOCK, Some(&fatal), Some(&mut previous))
        .map_err(|e| format!("cannot hold signals back: {e}"))?;
    let signals = SignalFd::with_flags(&fatal, SfdFlags::SFD_CLOEXEC)
        .map_err(|e| format!("cannot watch for signals: {e}"));
    let accepted = signals.and_then(|signals| accept_watching(parent, lifeline, &signals));
    // The server and its directory are gone by now; a signal that came meanwhile ends the
    // process as soon as it is let through.
    let _ = pthread_sigmask(SigmaskHow::SIG_SETMASK, Some(&previous), None);
    accepted
}

fn accept_watching<T>(
    parent: &mut UnixStream,
    lifeline: &OwnedFd,
    signals: &SignalFd,
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
    if !wait_for_ring(parent, lifeline, Some(signals.as_fd())) {
        return Err("its parent ended, or it was told to end, before it got anything".to_owned());
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

/// Waits for a ring on `stream`, the end of `lifeline`, or anything on `also` (a signal): whether
/// it rang (false: the parent closed `stream` or died, or a signal came).
pub(super) fn wait_for_ring(
    stream: &mut UnixStream,
    lifeline: &OwnedFd,
    also: Option<BorrowedFd<'_>>,
) -> bool {
    loop {
        let mut fds = vec![
            PollFd::new(stream.as_fd(), PollFlags::POLLIN),
            PollFd::new(lifeline.as_fd(), PollFlags::POLLIN),
        ];
        fds.extend(also.map(|fd| PollFd::new(fd, PollFlags::POLLIN)));
        match poll(&mut fds, PollTimeout::NONE) {
            Err(nix::errno::Errno::EINTR) => continue,
            Err(_) => return false,
            Ok(_) => {}
        }
        // Anything on the lifeline is its end: nothing is ever written on it.
        if fds[1..].iter().any(|fd| fd.any().unwrap_or(true)) {
            return false;
        }
        let mut byte = [0u8; 1];
        return matches!(stream.read(&mut byte), Ok(1));
    }
}
