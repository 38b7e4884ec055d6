//! Nothing outlives the checker. Each run is a process group of its own (out of the terminal's
//! reach, so that a timeout can end the whole of it), and so is a build; `harness::groups`
//! remembers them. Ctrl-C, SIGTERM and a closed terminal (SIGHUP) end them all, reap them (and
//! their children: the checker becomes their subreaper), put the terminal back and end the
//! checker; so does `q` in `watch`, at once, also while a check runs ([`quit`]).
//! A panic of the checker unwinds through its runs, each of which ends its group as it is dropped.

use nix::libc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

/// The terminal's settings before `watch` changed them, to put back at any end.
static TERMINAL: OnceLock<libc::termios> = OnceLock::new();

/// Remembers the terminal's settings as they were (once; `watch` calls it before it changes them).
pub fn keep_terminal(saved: &nix::sys::termios::Termios) {
    let _ = TERMINAL.set(saved.clone().into());
}

/// Whether `watch` shows its list on the terminal's alternate screen now.
static ALTERNATE: AtomicBool = AtomicBool::new(false);

/// Switches to the terminal's alternate screen (`on`), or back to the main one with what it
/// showed; an end in between switches back too.
pub fn alternate_screen(on: bool) {
    use std::io::Write;
    ALTERNATE.store(on, Ordering::SeqCst);
    print!("{}", if on { "\x1b[?1049h" } else { "\x1b[?1049l" });
    let _ = std::io::stdout().flush();
}

/// Puts the terminal back. Async-signal-safe: atomic loads, `write(2)` and `tcsetattr(3)`.
fn restore_terminal() {
    if ALTERNATE.swap(false, Ordering::SeqCst) {
        let back = b"\x1b[?1049l";
        // SAFETY: `write` is async-signal-safe; the buffer is a static byte string of that length.
        unsafe { libc::write(libc::STDOUT_FILENO, back.as_ptr().cast(), back.len()) };
    }
    if let Some(saved) = TERMINAL.get() {
        // SAFETY: `tcsetattr` is async-signal-safe and reads only the `termios` it is given,
        // which lives in a static for the whole program.
        unsafe { libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, saved) };
    }
}

/// Ends every run and build, and reaps them before the checker ends. The checker first makes
/// itself a subreaper, so that a run's own children, orphaned as their parents die, come to it
/// rather than to init, and none is left a zombie after it. Waits about a second at most for
/// the last to die. Async-signal-safe: `prctl`, `kill`, `waitpid` and `nanosleep` only.
fn end_and_reap() {
    // SAFETY: PR_SET_CHILD_SUBREAPER changes only this process's own flag.
    unsafe { libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) };
    // Also kills a run that another thread starts while this waits (`q` comes on the keys'
    // thread while the check's thread may be starting the next run).
    harness::groups::end_all();
    let a_millisecond = libc::timespec {
        tv_sec: 0,
        tv_nsec: 1_000_000,
    };
    for _ in 0..1_000 {
        loop {
            // SAFETY: a null status pointer is allowed; WNOHANG never blocks.
            match unsafe { libc::waitpid(-1, std::ptr::null_mut(), libc::WNOHANG) } {
                0 => break, // children left, none ended yet
                // One reaped: forget its group (its number may be reused), and look again.
                reaped if reaped > 0 => harness::groups::remove(reaped as u32),
                _ => return, // none left (ECHILD)
            }
        }
        // SAFETY: `a_millisecond` is a valid timespec; the remainder is not asked for.
        unsafe { libc::nanosleep(&a_millisecond, std::ptr::null_mut()) };
    }
}

extern "C" fn on_signal(signal: libc::c_int) {
    end_and_reap();
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
    end_and_reap();
    restore_terminal();
    println!();
    std::process::exit(0)
}
