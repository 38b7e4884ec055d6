//! The child's side of [`super::Process::start`], from `fork` (or [`super::init`]) to `_exit`.

use super::at_fork::InChild;
use super::method::StartMethod;
use super::{children, lifeline};
use crate::identity::{self, ParentProcess};
use crate::output::exit_now;
use nix::sys::prctl;
use nix::sys::signal::SigSet;
use nix::unistd::Pid;
use std::ffi::CString;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The forked child's side of `start`: name itself, run the target, apply the exit rule, `_exit`.
///
/// After `fork` the child shares every page with its parent, and the first write to a page
/// copies it: about 2 µs each, the larger part of what a start costs above the bare `fork`. So
/// what can be made before the `fork` is (`Becoming`, `InChild`), the resets
/// below write only what is set, and nothing here allocates before the target runs.
pub(super) fn run_child(
    becoming: Becoming,
    target: Box<dyn FnOnce()>,
    held: SigSet,
    ordinal: usize,
    in_child: &InChild,
) -> ! {
    // The parent's children are not this process's to wait for, nor its lifelines to hold.
    in_child.forget_the_parent();
    children::release_signals(held);
    // Die with the parent if it is killed outright; and if it already died before this line,
    // the signal would never come, so check.
    if !lifeline::die_with_forking_parent(Pid::from_raw(becoming.parent.pid as i32)) {
        exit_now(1);
    }
    become_child(becoming);
    in_child.run_registered();
    run_target(target, ordinal, StartMethod::Fork)
}

/// What a new child takes on: its name, the same cut to what `ps` shows, and its parent. Made
/// by whoever starts it, so that taking it on allocates nothing in the child.
pub(super) struct Becoming {
    name: String,
    short: Option<CString>,
    parent: ParentProcess,
}

impl Becoming {
    pub(super) fn new(name: &str, parent: ParentProcess) -> Self {
        // The name `ps` and `top` show: the kernel keeps 15 bytes.
        let short: String = name.chars().filter(|&c| c != '\0').take(15).collect();
        Becoming {
            name: name.to_owned(),
            short: CString::new(short).ok(),
            parent,
        }
    }
}

/// In a new child of any start method: take the name it was given and know its parent.
pub(super) fn become_child(becoming: Becoming) {
    identity::set_parent(becoming.parent);
    identity::set_process_name(becoming.name);
    if let Some(short) = &becoming.short {
        let _ = prctl::set_name(short);
    }
    // Kept, not freed: a free writes the allocator's pages (a copy each, right after `fork`).
    std::mem::forget(becoming.short);
}

/// Runs the target of a child started by `how`, applies the exit rule and ends the child with
/// `_exit`.
pub(super) fn run_target(target: Box<dyn FnOnce()>, ordinal: usize, how: StartMethod) -> ! {
    crate::trace::lifecycle::child_started(how);
    if let Some(late) = crate::perturb::child_starts(ordinal) {
        // The main process's threads, the waits among them, are watched while this child is late.
        crate::trace::watch_main(late);
    }
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
