//! The test harness: run one example binary, then assert what the notes claim about its output.
//!
//! ```no_run
//! # let path = "target/debug/daemon-thread";
//! // In an example's tests/: `harness::run(env!("CARGO_BIN_EXE_daemon-thread"))`.
//! let run = harness::run(path);
//! run.assert_success();
//! run.assert_never("sub thread end");
//! ```
//!
//! # How the binaries are found
//! Each example crate has its own `tests/<name>.rs` that passes `env!("CARGO_BIN_EXE_<name>")` to
//! this crate. Cargo builds a package's binaries before its integration tests and sets that
//! variable at compile time, so `cargo test --workspace` from a clean clone, `cargo test -p
//! daemon-thread` and `cargo nextest run` all work with no manual step and no nested cargo.
//! (Looking under `target/debug/` is unreliable: cargo builds a binary for tests only when its
//! package has integration tests; running cargo from a test or a build script adds seconds or
//! deadlocks on the build lock.)
//!
//! # What a run gives
//! [`Example::run`] starts the binary in a process group of its own with
//! `TUTORIAL_TIME_SCALE` = [`TEST_SCALE`] (unless told otherwise), a fresh `TUTORIAL_TRACE` file
//! and no `TUTORIAL_SHOW`, waits for it with a timeout (then kills the whole group), and returns a
//! [`Run`]: exit status, stdout lines, stderr, and the trace's events.
//!
//! # One line for the standard checks
//! An example's test file starts with [`example!`], which runs the example once for all the
//! file's tests ([`checks::standard_run`], as `run()`) and adds the checks every example gets: its
//! `output.txt` is a true recording of that run, a closed stdout ends it quietly, and (for an
//! example that starts processes) SIGINT or SIGTERM leaves nothing behind. The rest of the file
//! is the notes' claims.
//!
//! ```ignore
//! harness::example!("pipe", processes, recording = harness::checks::Recording {
//!     orders: &[("send from parent_conn", "send from child_conn")],
//!     ..Default::default()
//! });
//!
//! #[test]
//! fn the_parent_prints_the_reply() {
//!     run().assert_process(harness::exact("[42, None, 'send from child_conn']"), "MainProcess");
//! }
//! ```
//!
//! # Patterns
//! Assertions take a pattern: a `&str` matches every line that *contains* it; [`exact`] matches
//! a line equal to it (for lines like `42` that a PID could contain).
//! Orders are asserted on stdout, the order a reader sees; identities (which process or thread
//! printed a line) come from the trace.

#![warn(missing_docs)]

mod assert;
mod busy;
pub mod checks;
mod example;
pub mod groups;
mod query;
pub mod reap;
mod run;
mod running;

pub use busy::{BusyCores, CORES_BUSY_ENV};
pub use common::trace::{Event, Kind, Usage, Watched};
pub use example::{Example, TEST_SCALE, run};
pub use nix::sys::signal::Signal;
pub use query::is_pool_worker;
pub use run::Run;
pub use running::{Ending, Running, StillThere};

/// The standard checks of one example, and its standard run shared by the file's tests (see the
/// crate's documentation). `$kind` is `threads` or `processes` (processes also get the signal
/// check); `args = [...]` are the example's arguments for the standard run; `recording = ...` says
/// how to compare with `output.txt` ([`checks::Recording`], strict by default); `python = ...`,
/// for an example with a Python twin (`python/<package>.py`), how the two outputs compare
/// ([`checks::Twin`]), and adds the twin's checks; `closed_stdout_may_say = "prefix"`: when stdout
/// closes early, stderr may hold lines that start so (what a resource tracker reports).
#[macro_export]
macro_rules! example {
    ($name:literal, $kind:ident $(, args = [$($arg:expr),* $(,)?])? $(, recording = $how:expr)? $(, python = $twin:expr)? $(, closed_stdout_may_say = $said:expr)? $(,)?) => {
        /// This file's example, run once at the test scale and shared by its tests.
        fn run() -> &'static $crate::Run {
            static RUN: ::std::sync::OnceLock<$crate::Run> = ::std::sync::OnceLock::new();
            RUN.get_or_init(|| {
                $crate::checks::standard_run(
                    env!(concat!("CARGO_BIN_EXE_", $name)),
                    &[$($($arg),*)?],
                )
            })
        }

        #[test]
        fn output_txt_is_a_true_recording() {
            #[allow(unused_mut, unused_assignments)]
            let mut how = $crate::checks::Recording::default();
            $(how = $how;)?
            $crate::checks::assert_matches_recording(run(), env!("CARGO_MANIFEST_DIR"), how);
        }

        #[test]
        fn a_closed_stdout_ends_it_quietly() {
            #[allow(unused_mut, unused_assignments)]
            let mut said: Option<&str> = None;
            $(said = Some($said);)?
            $crate::checks::assert_quiet_when_stdout_closes_but(
                env!(concat!("CARGO_BIN_EXE_", $name)),
                &[$($($arg),*)?],
                said,
            );
        }

        $crate::example!(@signals $kind, $name, [$($($arg),*)?]);
        $(
            #[test]
            fn the_python_twin_prints_the_same_lines() {
                $crate::checks::assert_twin_agrees(run(), env!("CARGO_MANIFEST_DIR"), $twin);
            }

            #[test]
            fn python_output_txt_is_a_true_recording() {
                $crate::checks::assert_python_recording_true(env!("CARGO_MANIFEST_DIR"), $twin);
            }
        )?
    };
    (@signals processes, $name:literal, [$($arg:expr),*]) => {
        #[test]
        fn sigint_or_sigterm_leaves_no_child_behind() {
            $crate::checks::assert_signals_leave_nothing(
                env!(concat!("CARGO_BIN_EXE_", $name)),
                &[$($arg),*],
            );
        }
    };
    (@signals threads, $name:literal, [$($arg:expr),*]) => {};
}

/// What an assertion looks for in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pattern {
    /// The line contains this text.
    Contains(String),
    /// The line is exactly this text.
    Exact(String),
}

impl Pattern {
    /// Whether `line` matches.
    ///
    /// ```
    /// use harness::{Pattern, exact};
    /// assert!(Pattern::from("thread").matches("sub thread end  1"));
    /// assert!(!exact("42").matches("PID of proc_1 : 4242"));
    /// ```
    pub fn matches(&self, line: &str) -> bool {
        match self {
            Pattern::Contains(text) => line.contains(text.as_str()),
            Pattern::Exact(text) => line == text,
        }
    }
}

impl From<&str> for Pattern {
    fn from(text: &str) -> Self {
        Pattern::Contains(text.to_owned())
    }
}

impl From<&String> for Pattern {
    fn from(text: &String) -> Self {
        Pattern::Contains(text.clone())
    }
}

impl std::fmt::Display for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Pattern::Contains(text) => write!(f, "a line containing {text:?}"),
            Pattern::Exact(text) => write!(f, "the line {text:?}"),
        }
    }
}

/// A pattern that matches only a line equal to `text`.
///
/// ```
/// assert!(harness::exact("43").matches("43"));
/// ```
pub fn exact(text: &str) -> Pattern {
    Pattern::Exact(text.to_owned())
}
