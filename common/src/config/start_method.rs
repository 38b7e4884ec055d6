//! `TUTORIAL_START_METHOD`: Python's three start methods, parsed.

use super::{ConfigError, START_METHOD_VAR};
use std::ffi::OsStr;
use std::fmt;

/// How a child process is started: Python's `multiprocessing` start methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum StartMethod {
    /// A copy of the parent (`fork(2)`): its memory as it was at `start`. Linux's default up to
    /// Python 3.13, and this workspace's.
    Fork,
    /// A fresh run of the same program (`execve(2)`), told which function to call and with what
    /// arguments: nothing of the parent's memory. Windows' and macOS' default.
    Spawn,
    /// A fork of a server: a fresh run of the program, started at the first such start, that
    /// forks each child on request. The child has the server's memory, not the parent's. Linux's
    /// default since Python 3.14.
    ForkServer,
}

impl StartMethod {
    /// Python's name for it.
    pub fn name(self) -> &'static str {
        match self {
            StartMethod::Fork => "fork",
            StartMethod::Spawn => "spawn",
            StartMethod::ForkServer => "forkserver",
        }
    }
}

impl fmt::Display for StartMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Parses a `TUTORIAL_START_METHOD` value; `None` (unset) leaves the choice to the program.
///
/// ```
/// use common::config::{StartMethod, parse_start_method};
/// use std::ffi::OsStr;
/// assert_eq!(parse_start_method(None), Ok(None));
/// assert_eq!(parse_start_method(Some(OsStr::new("spawn"))), Ok(Some(StartMethod::Spawn)));
/// assert!(parse_start_method(Some(OsStr::new("Spawn"))).is_err());
/// ```
pub fn parse_start_method(raw: Option<&OsStr>) -> Result<Option<StartMethod>, ConfigError> {
    match raw.map(|value| value.to_str()) {
        None => Ok(None),
        Some(Some("fork")) => Ok(Some(StartMethod::Fork)),
        Some(Some("spawn")) => Ok(Some(StartMethod::Spawn)),
        Some(Some("forkserver")) => Ok(Some(StartMethod::ForkServer)),
        Some(_) => Err(ConfigError {
            var: START_METHOD_VAR,
            value: raw.unwrap_or_default().to_string_lossy().into_owned(),
            expected: "expected `fork`, `spawn` or `forkserver`".to_owned(),
        }),
    }
}
