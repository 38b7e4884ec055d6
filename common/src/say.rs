//! Printing a line: the notes' `print`, made safe to call from many threads and processes.
//!
//! Each line goes to stdout as ONE `write(2)` of the whole line and its newline, straight to file
//! descriptor 1 with no user-space buffer. That is what keeps lines whole: a pipe never splits a
//! write of up to `PIPE_BUF` (4096) bytes, and a forked child has no half-full buffer of the
//! parent's to print a second time.

use crate::config::{self, Show};
use crate::identity::{current_process, current_thread_name};
use crate::output;
use crate::trace::{self, lifecycle};

/// Prints one line like Python's `print`: `format!` arguments, a newline added.
///
/// The line is written with one `write(2)`, and recorded in the trace when `TUTORIAL_TRACE` is set.
/// If stdout has been closed by its reader (`| head -1`), the program ends quietly with status 0.
///
/// ```
/// let name = "thread 0";
/// common::say!("sub thread start  {name}");
/// ```
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::say::say_line(&::std::format!($($arg)*))
    };
}

/// Prints `msg` and a newline as one write, then records it in the trace. [`say!`] calls this.
///
/// ```
/// common::say::say_line("main thread start");
/// ```
pub fn say_line(msg: &str) {
    let config = config::get();
    let mut line = String::with_capacity(msg.len() + 64);
    if config.show == Show::Pid {
        let me = current_process();
        line.push_str(&format!(
            "[{}/{} pid={}] ",
            me.name,
            current_thread_name(),
            me.pid
        ));
    }
    line.push_str(msg);
    line.push('\n');

    // Before the lock: this process's and thread's first events (`process_start`,
    // `thread_start`) are written through it.
    let thread = lifecycle::thread();
    // A checker's straggler waits here, after its `thread_start`, before its first line.
    for wait in crate::perturb::waits_before_line(msg).into_iter().flatten() {
        // The other threads, the waits among them, are watched while this line waits.
        trace::watch(std::process::id(), wait);
    }
    crate::perturb::jitter_line();
    // How often this thread has slept so far, for a checker to count its wakes between two of
    // its lines (exercise 14's main: once a result, or ten times a second when it polls).
    let usage = thread.as_ref().map(|_| trace::Usage::of_this_thread());
    let locked = output::lock();
    output::write_stdout(&locked, &line);
    if let Some(thread) = thread {
        trace::write_said(&locked, &current_process(), &thread, msg, usage);
    }
}
