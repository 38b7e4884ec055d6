//! Whether this process, started by `spawn` or as a fork server, has been handed to what it was
//! started for: a `main` that prints first is running where only its target should.

use super::{FORKSERVER_VAR, SPAWNED_VAR};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set by [`crate::init`] in a spawned child before anything else: the child is running its
/// target, not its `main`.
static HANDED_TO_TARGET: AtomicBool = AtomicBool::new(false);

/// In a spawned child, at the top of [`crate::init`]: `main`'s body is not running here.
pub(crate) fn handed_to_target() {
    HANDED_TO_TARGET.store(true, Ordering::SeqCst);
}

/// A spawned child whose `main` printed or slept before calling [`crate::init`]: Python's
/// "An attempt has been made to start a new process before the current process has finished its
/// bootstrapping phase", for a program without `if __name__ == "__main__":`.
///
/// The environment is read once (it is asked before every start and every printed line; a read
/// takes the environment's lock). `init` may remove the variables afterwards, but it sets
/// `HANDED_TO_TARGET` first, so what was read stays the right answer.
pub(crate) fn spawned_but_running_main() -> bool {
    static STARTED_FOR_A_TARGET: OnceLock<bool> = OnceLock::new();
    !HANDED_TO_TARGET.load(Ordering::SeqCst)
        && *STARTED_FOR_A_TARGET.get_or_init(|| {
            std::env::var_os(SPAWNED_VAR).is_some() || std::env::var_os(FORKSERVER_VAR).is_some()
        })
}

/// The message for [`spawned_but_running_main`]; also `process`'s, when such a child starts one.
pub(crate) const NOT_HANDED_OFF: &str = "this process was spawned to run a target, but its main printed, slept or started a process before calling common::init(): make `common::init();` the first line of main (Rust's `if __name__ == \"__main__\":`)";
