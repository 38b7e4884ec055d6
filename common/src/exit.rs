//! The one sequence a process runs when it exits normally (`main` returns, or `exit`), in a fixed
//! order whichever module asked first: Python's exit rule for the children (terminate the daemons,
//! wait for the rest), then the main process's last trace event.
//!
//! One `atexit` handler runs the steps; the modules above install theirs with [`at_exit`]. (Two
//! handlers registered by two modules would run in the reverse order of their first use.)

use std::sync::{Once, OnceLock};

/// A step of the exit sequence, in the order they run.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Step {
    /// The exit rule for the children (installed by `process`).
    Children = 0,
    /// The main process's `process_exit` (installed by the trace).
    Trace = 1,
}

static STEPS: [OnceLock<fn()>; 2] = [OnceLock::new(), OnceLock::new()];

/// Installs `hook` as `step` of the exit sequence (once per step; later calls are ignored).
pub(crate) fn at_exit(step: Step, hook: fn()) {
    let _ = STEPS[step as usize].set(hook);
    static REGISTER: Once = Once::new();
    REGISTER.call_once(|| {
        // SAFETY: `atexit` only stores the function pointer; `run` is a plain `extern "C" fn`
        // (a panic in it would abort rather than unwind into libc).
        unsafe { nix::libc::atexit(run) };
    });
}

extern "C" fn run() {
    for step in &STEPS {
        if let Some(hook) = step.get() {
            hook();
        }
    }
}
