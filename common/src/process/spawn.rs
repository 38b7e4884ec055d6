//! `spawn`: the child is a fresh run of this program, told what to call.
//!
//! The parent runs its own executable again (`/proc/self/exe`, with the same arguments), with
//! `TUTORIAL_SPAWNED` naming two descriptors it lets through `exec`: a socket over which the
//! child gets its first `ipc-channel` (`handoff.rs`), and the child's end of its lifeline. The new
//! program's `main` calls [`init`](super::init) first; in a spawned child `init` takes its [`Launch`] (its
//! name, its parent, which function) and then its arguments, runs the target and exits, so the
//! rest of `main` never runs there: Rust's `if __name__ == "__main__":`. (The fork server is
//! started the same way: `forkserver.rs`.)

use super::method::{self, StartMethod};
use super::run_again::run_again;
use super::target::{Pending, Remote};
use super::{Process, ProcessError, child, children, handoff, lifeline, next_ordinal};
use crate::config::SPAWNED_VAR;
use crate::identity::{self, ParentProcess};
use crate::output::exit_now;
use nix::sys::wait::WaitPidFlag;
use nix::unistd::Pid;
use serde::{Deserialize, Serialize};
use std::os::fd::OwnedFd;
use std::os::unix::net::UnixStream;

/// What a child started without `fork` from its parent is told.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Launch {
    name: String,
    parent: ParentProcess,
    ordinal: usize,
    method: StartMethod,
    remote: Remote,
}

impl Launch {
    /// For `process`, started by `method`: takes its target, which must be a `Call`; the launch,
    /// and the arguments to send once the child exists.
    pub(super) fn take(
        process: &mut Process,
        method: StartMethod,
    ) -> Result<(Self, Pending), ProcessError> {
        let call = process.take_call()?;
        let (remote, pending) = call.split().map_err(ProcessError::Spawn)?;
        let me = identity::current_process();
        let launch = Launch {
            name: process.name.clone(),
            parent: ParentProcess {
                name: me.name,
                pid: me.pid,
            },
            ordinal: next_ordinal(),
            method,
            remote,
        };
        Ok((launch, pending))
    }

    /// The parent's PID.
    pub(super) fn parent(&self) -> Pid {
        Pid::from_raw(self.parent.pid as i32)
    }

    /// In the new child: watches its lifeline, receives its arguments, takes its name and
    /// parent, runs the target, ends. Without arguments (they did not serialize) it ends with 1
    /// having done nothing: its parent's `start` reports why.
    pub(super) fn run(self, lifeline: OwnedFd, how: StartMethod) -> ! {
        lifeline::watch(lifeline);
        let Some(target) = self.remote.receive() else {
            exit_now(1)
        };
        method::inherit(self.method);
        child::become_child(child::Becoming::new(&self.name, self.parent));
        child::run_target(target, self.ordinal, how)
    }
}

/// In the parent, once the child exists: sends its arguments. If they do not serialize, the
/// child ends without them; it is reaped here, and `start` fails as Python's does.
pub(super) fn deliver(pid: Pid, pending: Pending) -> Result<Pid, ProcessError> {
    match pending.send() {
        Ok(()) => Ok(pid),
        Err(why) => {
            let _ = children::reap(pid, WaitPidFlag::empty());
            Err(ProcessError::Arguments(why))
        }
    }
}

/// Spawns `process`'s child; in the parent, its PID, registered among the children.
pub(super) fn start(process: &mut Process) -> Result<Pid, ProcessError> {
    let (launch, pending) = Launch::take(process, StartMethod::Spawn)?;
    children::register_exit_rule();
    crate::trace::lifecycle::ensure_started();
    let (mut handoff, theirs) = UnixStream::pair().map_err(ProcessError::Spawn)?;
    let (held, watched) = lifeline::new().map_err(ProcessError::Spawn)?;
    // As for `fork`: a SIGINT between the spawn and the table would leave the child behind.
    let signals = children::hold_fatal_signals();
    let pid = match run_again(SPAWNED_VAR, &theirs, &watched) {
        Ok(pid) => pid,
        Err(error) => {
            children::release_signals(signals);
            return Err(ProcessError::Spawn(error));
        }
    };
    children::add(pid, process.daemon, &process.name);
    lifeline::hold(pid, held);
    children::release_signals(signals);
    drop((theirs, watched));
    // This waits until the child's `init` runs (or it ends). A child that ends before it takes
    // its launch (it failed to start) says why on stderr, and `join` gets its exit code.
    match handoff::connect(&mut handoff, launch) {
        Ok(Some(_)) => deliver(pid, pending),
        Ok(None) | Err(_) => Ok(pid),
    }
}
