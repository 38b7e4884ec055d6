//! `fork`: the child is a copy of this process, made by `fork(2)`.

use super::at_fork;
use super::child::{Becoming, run_child};
use super::target::Target;
use super::{Process, ProcessError, children, next_ordinal};
use crate::identity::ParentProcess;
use nix::unistd::{ForkResult, Pid, fork};
use std::io::{self, Write};

/// Forks `process`'s child; in the parent, its PID, registered among the children.
pub(super) fn start(process: &mut Process) -> Result<Pid, ProcessError> {
    let threads = thread_count();
    if threads > 1 {
        return Err(ProcessError::ThreadsRunning(threads));
    }
    let target: Box<dyn FnOnce()> = match process.take_target()? {
        Target::Closure(f) => f,
        Target::Call(call) => call.here(),
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
    let in_child = at_fork::InChild::read();

    // SAFETY: the process has exactly one thread (checked just above; only this thread could
    // have started another since), so no lock is held by a thread that the child would lack.
    // The child runs `run_child`, which never returns: it ends with `_exit`.
    match unsafe { fork() } {
        Ok(ForkResult::Parent { child }) => {
            children::add(child, process.daemon, &process.name);
            children::release_signals(held);
            Ok(child)
        }
        Ok(ForkResult::Child) => run_child(becoming, target, held, ordinal, &in_child),
        Err(errno) => {
            children::release_signals(held);
            Err(ProcessError::Fork(errno))
        }
    }
}

/// How many threads this process has: `num_threads` in `/proc/self/stat`, read into a buffer on
/// the stack (three system calls, no allocation: it is asked before every `fork`).
///
/// ```
/// let before = common::process::thread_count();
/// let t = std::thread::spawn(|| std::thread::park());
/// assert_eq!(common::process::thread_count(), before + 1);
/// t.thread().unpark();
/// t.join().unwrap();
/// ```
pub fn thread_count() -> usize {
    use std::io::Read;
    let mut stat = [0u8; 2048];
    let Ok(read) = std::fs::File::open("/proc/self/stat").and_then(|mut f| f.read(&mut stat))
    else {
        return 1;
    };
    // "pid (comm) state ppid ... num_threads ...": the name may hold spaces and parentheses,
    // so the fields are counted from the last ')'; num_threads is the 18th after it.
    let stat = &stat[..read];
    let Some(end_of_name) = stat.iter().rposition(|&b| b == b')') else {
        return 1;
    };
    stat[end_of_name + 1..]
        .split(|&b| b == b' ')
        .filter(|field| !field.is_empty())
        .nth(17)
        .and_then(|field| std::str::from_utf8(field).ok()?.parse().ok())
        .unwrap_or(1)
}
