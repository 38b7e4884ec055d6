//! The fork server's answer to a launch, read by the program: a 4-byte PID, waited for as long
//! as the server runs, an error once it has been seen stopped for a second.

use nix::unistd::Pid;
use std::io::Read;
use std::os::unix::net::UnixStream;
use std::time::{Duration, Instant};

pub(super) fn ended(_: std::io::Error) -> std::io::Error {
    std::io::Error::other("the fork server ended before it answered (its message is on stderr)")
}

/// How long the server may be seen stopped (SIGSTOP, a debugger, job control) while a start
/// waits for its answer, before the start gives up on it. A busy server is running or asleep,
/// never stopped, so no load trips this; a server that is merely slow is waited for.
const STOPPED_FOR: Duration = Duration::from_secs(1);

/// How often a start waiting for the answer looks at the server's state.
const LOOK_EVERY: Duration = Duration::from_millis(50);

/// The reply to a launch: the child's PID (0 if the server could not fork). Waits as long as the
/// server runs; an error of kind `TimedOut` once it has been seen stopped for [`STOPPED_FOR`].
pub(super) fn read_pid(bell: &mut UnixStream, server: Pid) -> std::io::Result<i32> {
    let (mut pid, mut got) = ([0u8; 4], 0);
    let mut stopped_since: Option<Instant> = None;
    bell.set_read_timeout(Some(LOOK_EVERY))?;
    while got < pid.len() {
        match bell.read(&mut pid[got..]) {
            Ok(0) => return Err(ended(std::io::ErrorKind::UnexpectedEof.into())),
            Ok(n) => got += n,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                if !super::status::stopped(server) {
                    stopped_since = None;
                } else if stopped_since.get_or_insert_with(Instant::now).elapsed() >= STOPPED_FOR {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::TimedOut,
                        format!(
                            "the fork server (PID {server}) is stopped (SIGSTOP or a debugger) and cannot answer: it was ended, and the next start brings up another"
                        ),
                    ));
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(ended(e)),
        }
    }
    bell.set_read_timeout(None)?;
    Ok(i32::from_le_bytes(pid))
}
