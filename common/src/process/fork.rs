//! `fork`: the child is a copy of this process, made by `fork(2)`.

use super::child::{Becoming, run_child};
use super::target::Target;
use super::{Process, ProcessError, children, next_ordinal, thread_count};
use crate::identity::ParentProcess;
use nix::unistd::{ForkResult, Pid, fork};
use std::io::{self, Write};

/// Forks `process`'s child; in the parent, its PID, registered among the children.
pub(super) fn start(process: &mut Process) -> Result<Pid, ProcessError> {
    let threads = thread_count();
    if threads > 1 {
        return Err(ProcessError::ThreadsRunning(threads));
    }
    let target: Box<dyn FnOnce()> = match process.target.take() {
        Some(Target::Closure(f)) => f,
        Some(Target::Call(call)) => call.here(),
        None => return Err(ProcessError::AlreadyStarted),
    };
    children::register_exit_rule();
    crate::trace::lifecycle::ensure_started();
    // Bytes still in Rust's stdout buffer would be printed by both processes.
    let _ = io::stdout().flush();
    let becoming = Becoming::new(
        &process.name,
        ParentProcess {
            name: crate::identity::process_name(),
            pid: std::process::id(),
        },
    );
    crate::perturb::read_settings();
    // Until the new child is in the table of children, a SIGINT or SIGTERM here would find
    // the table without it and leave it behind; and the child, until it has cleared the
    // parent's table, must not run the handler with it. So both hold those signals back.
    let held = children::hold_fatal_signals();
    let ordinal = next_ordinal();
    // Read in the parent: the child then runs them without taking a lock.
    let after = after_in_child();

    // SAFETY: the process has exactly one thread (checked just above; only this thread could
    // have started another since), so no lock is held by a thread that the child would lack.
    // The child runs `run_child`, which never returns: it ends with `_exit`.
    match unsafe { fork() } {
        Ok(ForkResult::Parent { child }) => {
            children::add(child, process.daemon, &process.name);
            children::release_signals(held);
            Ok(child)
        }
        Ok(ForkResult::Child) => run_child(becoming, target, held, ordinal, &after),
        Err(errno) => {
            children::release_signals(held);
            Err(ProcessError::Fork(errno))
        }
    }
}

/// Functions every child started by [`Process::start`] runs first, in the order registered.
static AFTER_IN_CHILD: std::sync::Mutex<Vec<fn()>> = std::sync::Mutex::new(Vec::new());

/// Python's `os.register_at_fork(after_in_child=f)`: `f` runs in every child that
/// [`Process::start`] forks from now on, before its target (a checker uses it to give the child a
/// value its parent does not have).
///
/// ```
/// use common::process::{Process, register_at_fork};
/// use std::sync::atomic::{AtomicI32, Ordering};
/// static NUM: AtomicI32 = AtomicI32::new(1);
/// register_at_fork(|| NUM.store(7, Ordering::SeqCst));
/// let mut p = Process::new(|| assert_eq!(NUM.load(Ordering::SeqCst), 7));
/// p.start().unwrap();
/// p.join();
/// assert_eq!((p.exitcode(), NUM.load(Ordering::SeqCst)), (Some(0), 1));
/// ```
pub fn register_at_fork(after_in_child: fn()) {
    AFTER_IN_CHILD
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(after_in_child);
}

fn after_in_child() -> Vec<fn()> {
    AFTER_IN_CHILD
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
}
