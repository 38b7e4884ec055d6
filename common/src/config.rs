//! The environment variables every example reads, parsed once.
//!
//! Parsing is separate from reading so that it can be tested without touching the process
//! environment: [`parse_time_scale`] and [`parse_show`] take the raw value.

use std::ffi::OsStr;
use std::fmt;
use std::fs::File;
use std::sync::OnceLock;

/// Multiplies every tutorial sleep: `0.05` runs a 3 s sleep in 150 ms.
pub const TIME_SCALE_VAR: &str = "TUTORIAL_TIME_SCALE";
/// A file that receives one JSON object per printed line (see [`crate::trace`]).
pub const TRACE_VAR: &str = "TUTORIAL_TRACE";
/// `pid` prefixes each printed line with the process, thread and PID that printed it.
pub const SHOW_VAR: &str = "TUTORIAL_SHOW";
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

/// Opens the trace file named by a `TUTORIAL_TRACE` value, for appending.
///
/// `O_APPEND` makes every write land at the end of the file, so the processes of one run
/// (children inherit the open file) can share it without overwriting each other's lines.
///
/// One run, one trace: the file is emptied first when no process that wrote to it is still alive
/// (the previous run is over), so running an example twice leaves the second run alone. Programs
/// started together by a launcher (`mpirun`'s ranks) open it one after another under a file lock,
/// and each one after the first finds the first alive and appends.
pub fn open_trace(raw: Option<&OsStr>) -> Result<Option<File>, ConfigError> {
    let Some(raw) = raw else { return Ok(None) };
    let error = |expected: String| ConfigError {
        var: TRACE_VAR,
        value: raw.to_string_lossy().into_owned(),
        expected,
    };
    if raw.is_empty() {
        return Err(error("expected a file path".to_owned()));
    }
    let file = File::options()
        .read(true)
        .append(true)
        .create(true)
        .open(raw)
        .map_err(|e| error(format!("cannot open it for appending: {e}")))?;
    start_afresh_unless_running(&file)
        .map_err(|e| error(format!("cannot read or empty it: {e}")))?;
    Ok(Some(file))
}

/// Empties `file` when none of the processes whose events it holds is still alive.
fn start_afresh_unless_running(mut file: &File) -> std::io::Result<()> {
    use std::io::{Read, Seek};
    file.lock()?;
    let mut text = String::new();
    file.rewind()?;
    file.read_to_string(&mut text)?;
    if !writers(&text).any(is_alive) {
        file.set_len(0)?;
    }
    file.unlock()
}

/// The PIDs a trace's events name (`"pid":N`), without parsing the events: this module sits
/// below [`crate::trace`].
fn writers(text: &str) -> impl Iterator<Item = u32> + '_ {
    text.match_indices("\"pid\":").filter_map(|(at, key)| {
        let digits = &text[at + key.len()..];
        let end = digits
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(digits.len());
        digits[..end].parse().ok()
    })
}

/// Whether a process with this PID exists (a zombie counts). Our own PID in an old trace was
/// another process's, which has ended.
fn is_alive(pid: u32) -> bool {
    use nix::{errno::Errno, sys::signal::kill, unistd::Pid};
    let Ok(raw) = i32::try_from(pid) else {
        return false;
    };
    pid != std::process::id()
        && raw > 0
        && matches!(kill(Pid::from_raw(raw), None), Ok(()) | Err(Errno::EPERM))
}

/// The parsed environment.
#[derive(Debug)]
pub(crate) struct Config {
    pub(crate) time_scale: f64,
    pub(crate) show: Show,
    pub(crate) trace: Option<File>,
}

/// The environment, read on first use. An invalid variable ends the process with status 2.
pub(crate) fn get() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| match from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(2);
        }
    })
}

fn from_env() -> Result<Config, ConfigError> {
    Ok(Config {
        time_scale: parse_time_scale(std::env::var_os(TIME_SCALE_VAR).as_deref())?,
        show: parse_show(std::env::var_os(SHOW_VAR).as_deref())?,
        trace: open_trace(std::env::var_os(TRACE_VAR).as_deref())?,
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
    fn trace_path_must_be_openable() {
        assert!(open_trace(None).expect("unset is fine").is_none());
        assert_eq!(
            open_trace(Some(OsStr::new(""))).expect_err("empty").var,
            "TUTORIAL_TRACE"
        );
        let error =
            open_trace(Some(OsStr::new("/nonexistent-dir/trace.jsonl"))).expect_err("no dir");
        assert!(error.expected.contains("cannot open"), "{error}");
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("trace.jsonl");
        assert!(
            open_trace(Some(path.as_os_str()))
                .expect("openable")
                .is_some()
        );
    }

    fn event_of(pid: u32) -> String {
        format!(
            "{{\"t_ns\":1,\"pid\":{pid},\"ppid\":1,\"process\":\"MainProcess\",\"thread\":\"main\",\"msg\":\"x\",\"kind\":\"say\"}}\n"
        )
    }

    #[test]
    fn a_trace_whose_writers_have_all_ended_is_started_afresh() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("trace.jsonl");
        // A finished child's PID: reaped, so no process has it (until the PID is reused, far
        // away in the PID space).
        let mut child = std::process::Command::new("true")
            .spawn()
            .expect("spawn true");
        let dead = child.id();
        child.wait().expect("wait");
        std::fs::write(&path, event_of(dead)).expect("write");
        open_trace(Some(path.as_os_str())).expect("open");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "");
    }

    #[test]
    fn a_trace_that_a_live_process_writes_is_appended_to() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("trace.jsonl");
        // The parent of this test process is alive while the test runs: a sibling rank's trace.
        let live = nix::unistd::getppid().as_raw() as u32;
        std::fs::write(&path, event_of(live)).expect("write");
        open_trace(Some(path.as_os_str())).expect("open");
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            event_of(live)
        );
    }

    #[test]
    fn writers_are_read_from_the_pid_fields() {
        let text = event_of(42) + &event_of(4242);
        assert_eq!(writers(&text).collect::<Vec<_>>(), [42, 4242]);
    }
}
