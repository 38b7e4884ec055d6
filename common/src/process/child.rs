//! The child's side of [`super::Process::start`], from `fork` to `_exit`.

use super::children;
use crate::identity;
use crate::output::exit_now;
use nix::sys::prctl;
use nix::sys::signal::{SigSet, Signal};
use nix::unistd::{Pid, getppid};
use std::ffi::CString;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The child's side of `start`: name itself, run the target, apply the exit rule, `_exit`.
pub(super) fn run_child(
    name: &str,
    parent: Pid,
    target: Box<dyn FnOnce()>,
    held: SigSet,
    ordinal: usize,
    after_in_child: &[fn()],
) -> ! {
    // The parent's children are not this process's to wait for.
    children::forget_all();
    children::release_signals(held);
    crate::identity::set_parent(crate::identity::ParentProcess {
        name: identity::current_process().name,
        pid: parent.as_raw() as u32,
    });
    crate::identity::set_process_name(name);
    // The name `ps` and `top` show (the kernel keeps 15 bytes).
    let short: String = name.chars().filter(|&c| c != '\0').take(15).collect();
    if let Ok(short) = CString::new(short) {
        let _ = prctl::set_name(&short);
    }
    // Die with the parent if it is killed outright; and if it already died before this line,
    // the signal would never come, so check.
    let _ = prctl::set_pdeathsig(Signal::SIGKILL);
    if getppid() != parent {
        exit_now(1);
    }
    for f in after_in_child {
        f();
    }
    crate::trace::lifecycle::child_started();
    crate::perturb::child_starts(ordinal);
    // A panicking target ends the child with 1, as an uncaught exception ends a Python child.
    let code = match catch_unwind(AssertUnwindSafe(target)) {
        Ok(()) => 0,
        Err(_) => 1,
    };
    children::apply_exit_rule();
    crate::trace::lifecycle::child_exited(code);
    // `_exit`: nothing of the parent's runs (its exit sequence, destructors of copied values).
    exit_now(code)
}
