//! The environment variables every example reads, parsed once.
//!
//! Parsing is separate from reading so that it can be tested without touching the process
//! environment: [`parse_time_scale`] and [`parse_show`] take the raw value.

use std::ffi::OsStr;
use std::fmt;
use std::path::PathBuf;
use std::sync::OnceLock;

mod bootstrap;
mod start_method;

pub(crate) use bootstrap::{NOT_HANDED_OFF, handed_to_target, spawned_but_running_main};
pub use start_method::{StartMethod, parse_start_method};

/// Multiplies every tutorial sleep: `0.05` runs a 3 s sleep in 150 ms.
pub const TIME_SCALE_VAR: &str = "TUTORIAL_TIME_SCALE";
/// A file that receives one JSON object per printed line (see [`crate::trace`]).
pub const TRACE_VAR: &str = "TUTORIAL_TRACE";
/// `pid` prefixes each printed line with the process, thread and PID that printed it.
pub const SHOW_VAR: &str = "TUTORIAL_SHOW";
/// `fork`, `spawn` or `forkserver`: how [`crate::process::Process`] starts a child, when the
/// program does not choose itself ([`crate::process::set_start_method`]).
pub const START_METHOD_VAR: &str = "TUTORIAL_START_METHOD";
/// Set by a parent in the environment of the child it spawns: the descriptors that bring the
/// child its target. Only [`crate::init`] reads it.
pub const SPAWNED_VAR: &str = "TUTORIAL_SPAWNED";
/// Set by a parent in the environment of the fork server it starts: a socket for requests and
/// the server's lifeline. Only [`crate::init`] reads it.
pub const FORKSERVER_VAR: &str = "TUTORIAL_FORKSERVER";
/// A fault for the tests of a lying peer (issue #57): a fork server started with this set
/// answers each launch with this PID instead of its child's. Nothing else reads it.
pub const FORKSERVER_LIE_VAR: &str = "TUTORIAL_FORKSERVER_LIE";
/// The largest accepted time scale: the notes' longest sleep (5 s) becomes about 8 minutes.
pub const MAX_TIME_SCALE: f64 = 100.0;

/// Whether printed lines carry who printed them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// The line exactly as the notes print it (the default).
    Plain,
    /// `[<process>/<thread> pid=<pid>] ` before the line.
    Pid,
}

/// A variable that is set to something we cannot use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The variable's name.
    pub var: &'static str,
    /// The value as given (lossily decoded when it is not UTF-8).
    pub value: String,
    /// What would have been accepted.
    pub expected: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid {}={:?}: {}",
            self.var, self.value, self.expected
        )
    }
}

impl std::error::Error for ConfigError {}

/// Parses a `TUTORIAL_TIME_SCALE` value; `None` (unset) means 1.0.
///
/// ```
/// use common::config::parse_time_scale;
/// use std::ffi::OsStr;
/// assert_eq!(parse_time_scale(None), Ok(1.0));
/// assert_eq!(parse_time_scale(Some(OsStr::new("0.05"))), Ok(0.05));
/// assert!(parse_time_scale(Some(OsStr::new("-1"))).is_err());
/// ```
pub fn parse_time_scale(raw: Option<&OsStr>) -> Result<f64, ConfigError> {
    let Some(raw) = raw else { return Ok(1.0) };
    let error = || ConfigError {
        var: TIME_SCALE_VAR,
        value: raw.to_string_lossy().into_owned(),
        expected: format!("expected a number from 0 to {MAX_TIME_SCALE}"),
    };
    let scale: f64 = raw
        .to_str()
        .ok_or_else(error)?
        .trim()
        .parse()
        .map_err(|_| error())?;
    if (0.0..=MAX_TIME_SCALE).contains(&scale) {
        Ok(scale)
    } else {
        Err(error())
    }
}

/// Parses a `TUTORIAL_SHOW` value; `None` (unset) means [`Show::Plain`].
///
/// ```
/// use common::config::{Show, parse_show};
/// use std::ffi::OsStr;
/// assert_eq!(parse_show(Some(OsStr::new("pid"))), Ok(Show::Pid));
/// assert!(parse_show(Some(OsStr::new("yes"))).is_err());
/// ```
pub fn parse_show(raw: Option<&OsStr>) -> Result<Show, ConfigError> {
    match raw.map(|value| value.to_str()) {
        None | Some(Some("none")) => Ok(Show::Plain),
        Some(Some("pid")) => Ok(Show::Pid),
        Some(_) => Err(ConfigError {
            var: SHOW_VAR,
            value: raw.unwrap_or_default().to_string_lossy().into_owned(),
            expected: "expected `pid` or `none`".to_owned(),
        }),
    }
}

/// Parses a `TUTORIAL_TRACE` value; `None` (unset) means no trace. Only the value is checked
/// here: the file is opened by [`crate::trace`], which owns it (when it is started afresh, how
/// its events are written).
///
/// ```
/// use common::config::parse_trace;
/// use std::ffi::OsStr;
/// assert_eq!(parse_trace(None), Ok(None));
/// assert!(parse_trace(Some(OsStr::new(""))).is_err());
/// ```
pub fn parse_trace(raw: Option<&OsStr>) -> Result<Option<PathBuf>, ConfigError> {
    match raw {
        None => Ok(None),
        Some(raw) if raw.is_empty() => Err(trace_error(raw, "expected a file path".to_owned())),
        Some(raw) => Ok(Some(PathBuf::from(raw))),
    }
}

/// A `TUTORIAL_TRACE` value that cannot be used, and why.
pub(crate) fn trace_error(raw: &OsStr, expected: String) -> ConfigError {
    ConfigError {
        var: TRACE_VAR,
        value: raw.to_string_lossy().into_owned(),
        expected,
    }
}

/// The parsed environment.
#[derive(Debug)]
pub(crate) struct Config {
    pub(crate) time_scale: f64,
    pub(crate) show: Show,
    pub(crate) trace: Option<PathBuf>,
    pub(crate) start_method: Option<StartMethod>,
}

/// The environment, read on first use. An invalid variable ends the process with status 2.
pub(crate) fn get() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| {
        if spawned_but_running_main() {
            eprintln!("error: {NOT_HANDED_OFF}");
            std::process::exit(1);
        }
        read_or_exit()
    })
}

fn read_or_exit() -> Config {
    match from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(2);
        }
    }
}

fn from_env() -> Result<Config, ConfigError> {
    Ok(Config {
        time_scale: parse_time_scale(std::env::var_os(TIME_SCALE_VAR).as_deref())?,
        show: parse_show(std::env::var_os(SHOW_VAR).as_deref())?,
        trace: parse_trace(std::env::var_os(TRACE_VAR).as_deref())?,
        start_method: parse_start_method(std::env::var_os(START_METHOD_VAR).as_deref())?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::ffi::OsStrExt;

    fn scale(raw: &str) -> Result<f64, ConfigError> {
        parse_time_scale(Some(OsStr::new(raw)))
    }

    #[test]
    fn time_scale_accepts_finite_numbers_in_range() {
        assert_eq!(scale("0"), Ok(0.0));
        assert_eq!(scale("1"), Ok(1.0));
        assert_eq!(scale(" 0.05 "), Ok(0.05));
        assert_eq!(scale("100"), Ok(100.0));
        assert_eq!(scale("1e-3"), Ok(0.001));
    }

    #[test]
    fn time_scale_rejects_garbage_and_names_the_variable() {
        for bad in [
            "", "abc", "-1", "-0.5", "NaN", "nan", "inf", "-inf", "1e300", "100.5", "1,5",
        ] {
            let error = scale(bad).expect_err(bad);
            assert_eq!(error.var, "TUTORIAL_TIME_SCALE");
            assert_eq!(error.value, bad);
            assert!(
                error
                    .to_string()
                    .starts_with("invalid TUTORIAL_TIME_SCALE=")
            );
        }
    }

    #[test]
    fn time_scale_rejects_non_utf8() {
        let raw = OsStr::from_bytes(b"0.\xff");
        let error = parse_time_scale(Some(raw)).expect_err("non-UTF-8");
        assert_eq!(error.value, "0.\u{fffd}");
    }

    #[test]
    fn show_values() {
        assert_eq!(parse_show(None), Ok(Show::Plain));
        assert_eq!(parse_show(Some(OsStr::new("none"))), Ok(Show::Plain));
        assert_eq!(parse_show(Some(OsStr::new("pid"))), Ok(Show::Pid));
        for bad in ["", "PID", "1", "pid "] {
            assert_eq!(
                parse_show(Some(OsStr::new(bad))).expect_err(bad).var,
                "TUTORIAL_SHOW"
            );
        }
    }

    #[test]
    fn trace_path_must_not_be_empty() {
        assert_eq!(parse_trace(None), Ok(None));
        assert_eq!(
            parse_trace(Some(OsStr::new(""))).expect_err("empty").var,
            "TUTORIAL_TRACE"
        );
        assert_eq!(
            parse_trace(Some(OsStr::new("t.jsonl"))),
            Ok(Some(PathBuf::from("t.jsonl")))
        );
    }
}
