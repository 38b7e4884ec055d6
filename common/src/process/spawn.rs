//! `spawn`: the child is a fresh run of this program, told what to call.
//!
//! The parent runs its own executable again (`/proc/self/exe`, with the same arguments), with
//! `TUTORIAL_SPAWNED` naming two descriptors it lets through `exec`: a socket over which the
//! child gets its first `ipc-channel` (`handoff.rs`), and the child's end of its lifeline. The new
//! program's `main` calls [`init`] first; in a spawned child `init` takes its [`Launch`] (its
//! name, its parent, which function) and then its arguments, runs the target and exits, so the
//! rest of `main` never runs there: Rust's `if __name__ == "__main__":`. (The fork server is
//! started the same way: `forkserver.rs`.)

use super::method::{self, StartMethod};
use super::target::{Pending, Remote, Target};
use super::{
    Process, ProcessError, child, children, forkserver, handoff, lifeline, next_ordinal, wait_for,
};
use crate::config::{FORKSERVER_VAR, SPAWNED_VAR};
use crate::identity::{self, ParentProcess};
use crate::output::exit_now;
use nix::libc;
use nix::sys::wait::WaitPidFlag;
use nix::unistd::Pid;
use serde::{Deserialize, Serialize};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt;
use std::process::Command;

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
        let call = match process.target.take() {
            Some(Target::Call(call)) => call,
            Some(closure @ Target::Closure(_)) => {
                process.target = Some(closure);
                return Err(ProcessError::NotSpawnable);
            }
            None => return Err(ProcessError::AlreadyStarted),
        };
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
            let code = wait_for(pid, WaitPidFlag::empty()).unwrap_or(1);
            children::reaped(pid, code);
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
    let value = format!(
        "{},{},{}",
        theirs.as_raw_fd(),
        watched.as_raw_fd(),
        std::process::id()
    );
    // As for `fork`: a SIGINT between the spawn and the table would leave the child behind.
    let signals = children::hold_fatal_signals();
    let pid = match run_again(
        SPAWNED_VAR,
        &value,
        [theirs.as_raw_fd(), watched.as_raw_fd()],
    ) {
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

/// Runs this program again, with `var=value` and the descriptors `through` let through `exec`.
pub(super) fn run_again(var: &str, value: &str, through: [RawFd; 2]) -> std::io::Result<Pid> {
    let mut command = Command::new(executable());
    let mut args = std::env::args_os();
    if let Some(arg0) = args.next() {
        command.arg0(arg0);
    }
    command
        .args(args)
        .env_remove(SPAWNED_VAR)
        .env_remove(FORKSERVER_VAR)
        .env(var, value);
    // SAFETY: between `fork` and `exec` the closure calls only `sigprocmask` and `fcntl`, which
    // are async-signal-safe, allocate nothing and take no lock. It unblocks every signal (the
    // parent holds SIGINT and SIGTERM back while it starts a child, and a mask survives `exec`)
    // and clears close-on-exec on two descriptors the caller keeps open until this returns.
    unsafe {
        command.pre_exec(move || {
            let mut none = std::mem::MaybeUninit::<libc::sigset_t>::uninit();
            libc::sigemptyset(none.as_mut_ptr());
            libc::sigprocmask(libc::SIG_SETMASK, none.as_ptr(), std::ptr::null_mut());
            for fd in through {
                if libc::fcntl(fd, libc::F_SETFD, 0) == -1 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            Ok(())
        });
    }
    Ok(Pid::from_raw(command.spawn()?.id() as i32))
}

/// The program this process runs: `/proc/self/exe` on Linux names the very file, even if a
/// rebuild has replaced the path since; elsewhere the path it was started from.
fn executable() -> std::path::PathBuf {
    if cfg!(target_os = "linux") {
        "/proc/self/exe".into()
    } else {
        std::env::current_exe()
            .unwrap_or_else(|_| std::env::args_os().next().unwrap_or_default().into())
    }
}

/// The first line of every `main` that starts processes: Rust's `if __name__ == "__main__":`.
///
/// In the program that was started, it does nothing. In a child that `spawn` started (a fresh
/// run of this program), it runs the child's target and ends the child: the rest of `main`
/// belongs to the parent; in the fork server that `forkserver` started, it serves. A `main` that
/// prints, sleeps or starts a process before calling it fails in such a child with a message
/// that says so (Python's "bootstrapping phase" error).
///
/// ```
/// fn main() {
///     common::init();
///     // ... the parent's work: start processes, join them.
/// }
/// # main();
/// ```
pub fn init() {
    let spawned = std::env::var_os(SPAWNED_VAR);
    let server = std::env::var_os(FORKSERVER_VAR);
    if spawned.is_none() && server.is_none() {
        return;
    }
    crate::config::handed_to_target();
    if super::thread_count() == 1 {
        // SAFETY: this process has one thread, so nothing reads the environment meanwhile.
        // Removed so that a program this child runs in its turn is not taken for one of ours.
        unsafe {
            std::env::remove_var(SPAWNED_VAR);
            std::env::remove_var(FORKSERVER_VAR);
        }
    }
    let role = if spawned.is_some() {
        "spawned child"
    } else {
        "fork server"
    };
    let raw = spawned.or(server).unwrap_or_default();
    let fds = match inherited(raw.to_str().unwrap_or_default()) {
        Ok(fds) => fds,
        Err(why) => {
            eprintln!("error: a {role} could not start: {why}");
            exit_now(1)
        }
    };
    let [first, lifeline] = fds;
    let mut parent = UnixStream::from(first);
    if role == "fork server" {
        forkserver::serve(parent, lifeline)
    }
    match handoff::accept::<Launch>(&mut parent, &lifeline) {
        Ok((_, launch)) => {
            drop(parent);
            launch.run(lifeline, StartMethod::Spawn)
        }
        Err(why) => {
            eprintln!("error: a {role} could not start: {why}");
            exit_now(1)
        }
    }
}

/// The two descriptors a variable names (`first,lifeline,parent`), checked to come from our
/// parent.
fn inherited(raw: &str) -> Result<[OwnedFd; 2], String> {
    let bad = || format!("{raw:?} is not what a parent sets");
    let numbers: Vec<i64> = raw
        .split(',')
        .map(|n| n.parse().map_err(|_| bad()))
        .collect::<Result<_, _>>()?;
    let [first, lifeline, parent] = numbers[..] else {
        return Err(bad());
    };
    if i64::from(std::os::unix::process::parent_id()) != parent {
        return Err(format!("{} (its parent is not process {parent})", bad()));
    }
    Ok([
        adopt(first).ok_or_else(bad)?,
        adopt(lifeline).ok_or_else(bad)?,
    ])
}

/// Takes ownership of an inherited descriptor: one above the standard three that is open.
fn adopt(fd: i64) -> Option<OwnedFd> {
    let fd = RawFd::try_from(fd).ok().filter(|&fd| fd > 2)?;
    // SAFETY: `F_GETFD` only reads the descriptor's flags; -1 means it is not open.
    if unsafe { libc::fcntl(fd, libc::F_GETFD) } == -1 {
        return None;
    }
    // SAFETY: the parent (checked to be our parent) opened this descriptor for this process and
    // let it through `exec`; nothing else in this fresh program knows it, so it is ours to own.
    Some(unsafe { OwnedFd::from_raw_fd(fd) })
}
