//! Nothing outlives the checker. Each run is a process group of its own (out of the terminal's
//! reach, so that a timeout can end the whole of it), and so is a build; `harness::groups`
//! remembers them. Ctrl-C, SIGTERM and a closed terminal (SIGHUP) end them all, put the terminal
//! back and end the checker; so does `q` in `watch`, at once, also while a check runs ([`quit`]).
//! A panic of the checker unwinds through its runs, each of which ends its group as it is dropped.

use nix::libc;
use std::sync::OnceLock;

/// The terminal's settings before `watch` changed them, to put back at any end.
static TERMINAL: OnceLock<libc::termios> = OnceLock::new();

/// Remembers the terminal's settings as they were (once; `watch` calls it before it changes them).
pub fn keep_terminal(saved: &nix::sys::termios::Termios) {
    let _ = TERMINAL.set(saved.clone().into());
}

/// Puts the terminal back. Async-signal-safe: an atomic load and `tcsetattr(3)`.
fn restore_terminal() {
    if let Some(saved) = TERMINAL.get() {
        // SAFETY: `tcsetattr` is async-signal-safe and reads only the `termios` it is given,
        // which lives in a static for the whole program.
        unsafe { libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, saved) };
    }
}

extern "C" fn on_signal(signal: libc::c_int) {
    harness::groups::kill_all();
    restore_terminal();
    // SAFETY: restoring the default action and raising the signal again are async-signal-safe;
    // the checker then ends as the signal's default says, with the usual exit status.
    unsafe {
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}

/// Ends the runs and builds, and the checker, on SIGINT, SIGTERM and SIGHUP.
pub fn install() {
    use nix::sys::signal::{SaFlags, SigAction, SigHandler, SigSet, Signal, sigaction};
    let action = SigAction::new(
        SigHandler::Handler(on_signal),
        SaFlags::SA_RESTART,
        SigSet::empty(),
    );
    for signal in [Signal::SIGINT, Signal::SIGTERM, Signal::SIGHUP] {
        // SAFETY: the handler calls only async-signal-safe functions (see `on_signal`).
        let _ = unsafe { sigaction(signal, &action) };
    }
}

/// `q`: ends the runs and builds, puts the terminal back and ends the checker, whatever it is
/// doing.
pub fn quit() -> ! {
    harness::groups::kill_all();
    restore_terminal();
    println!();
    std::process::exit(0)
}
