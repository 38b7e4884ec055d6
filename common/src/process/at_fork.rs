//! What a forked child does first: forget the parent's per-process state, then run what the
//! program registered ([`register_at_fork`], Python's `os.register_at_fork(after_in_child=)`).
//!
//! Each module that keeps per-process state (the table of children, the lifelines held, the fork
//! server) registers its own reset with [`forget_in_child`] the first time it has state to
//! forget, so a child of a program that never had any runs none: after `fork`, every page a
//! child writes is copied first (`child.rs`).

use std::sync::{Mutex, OnceLock};

/// The modules' resets, each at most once, in the order registered. A fixed table read with
/// atomic loads: the child reads it without taking a lock (and so without writing).
static RESETS: [OnceLock<fn()>; 8] = [const { OnceLock::new() }; 8];

/// Registers `reset` to run first in every child forked from now on. A module calls it once
/// (under its own `Once`), when it first has per-process state.
///
/// # Panics
/// With more than eight modules registered: a new module with state needs a larger table.
pub(super) fn forget_in_child(reset: fn()) {
    let placed = RESETS.iter().any(|slot| slot.set(reset).is_ok());
    assert!(placed, "more than {} resets after fork", RESETS.len());
}

/// What the program registered, run by every forked child before its target, in that order.
static AFTER_IN_CHILD: Mutex<Vec<fn()>> = Mutex::new(Vec::new());

/// Python's `os.register_at_fork(after_in_child=f)`: `f` runs in every child that
/// [`Process::start`](super::Process::start) forks from now on, before its target (a checker
/// uses it to give the child a value its parent does not have).
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

/// What a child runs after `fork`, read in the parent before it: the child then runs it without
/// taking a lock.
pub(super) struct InChild {
    after: Vec<fn()>,
}

impl InChild {
    /// In the parent, just before `fork`.
    pub(super) fn read() -> Self {
        let after = AFTER_IN_CHILD
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        InChild { after }
    }

    /// In the child, first: the modules forget the parent's state.
    pub(super) fn forget_the_parent(&self) {
        RESETS
            .iter()
            .filter_map(OnceLock::get)
            .for_each(|reset| reset());
    }

    /// In the child, once it is named: what the program registered.
    pub(super) fn run_registered(&self) {
        self.after.iter().for_each(|f| f());
    }
}
