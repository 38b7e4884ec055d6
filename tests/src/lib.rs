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
//! # Patterns
//! Assertions take a pattern: a `&str` matches every line that *contains* it; [`exact`] matches
//! a line equal to it (for lines like `42` that a PID could contain).
//! Orders are asserted on stdout, the order a reader sees; identities (which process or thread
//! printed a line) come from the trace.

#![warn(missing_docs)]

mod assert;
pub mod checks;
pub mod reap;
mod run;

pub use common::trace::{Event, Kind};
pub use nix::sys::signal::Signal;
pub use run::{Example, Run, Running, TEST_SCALE, run};

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
