//! The trace file: opened once by each process that writes to it, emptied when the run that
//! wrote it last is over.
//!
//! `O_APPEND` makes every write land at the end of the file, so the processes of one run
//! (children inherit the open file) share it without overwriting each other's lines.
//!
//! One run, one trace: the file is emptied first when no process that wrote to it is still alive
//! (the previous run is over), so running an example twice leaves the second run alone. Programs
//! started together by a launcher (`mpirun`'s ranks) open it one after another under a file lock,
//! and each one after the first finds the first alive and appends.

use super::Event;
use std::fmt;
use std::fs::File;
use std::io::{self, Read, Seek};
use std::path::Path;
use std::sync::OnceLock;

/// Why the trace file could not be used.
#[derive(Debug)]
pub(crate) enum OpenError {
    /// It cannot be opened for appending (no such directory, no permission).
    Open(io::Error),
    /// It opened, but reading or emptying it failed.
    StartAfresh(io::Error),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::Open(error) => write!(f, "cannot open it for appending: {error}"),
            OpenError::StartAfresh(error) => write!(f, "cannot read or empty it: {error}"),
        }
    }
}

/// The trace file of this process, opened at its first event (a parent opens it before its first
/// `fork`, and its children inherit it); `None` when `TUTORIAL_TRACE` is unset. A file that
/// cannot be opened ends the process with status 2 and one line naming the variable.
pub(crate) fn get() -> Option<&'static File> {
    static FILE: OnceLock<Option<File>> = OnceLock::new();
    FILE.get_or_init(|| {
        let path = crate::config::get().trace.as_deref()?;
        match open(path) {
            Ok(file) => Some(file),
            Err(error) => {
                let error = crate::config::trace_error(path.as_os_str(), error.to_string());
                eprintln!("error: {error}");
                // Not `exit`: an exit handler that writes an event would come back here.
                crate::output::exit_now(2)
            }
        }
    })
    .as_ref()
}

/// Opens the trace at `path` for appending, emptied first when no writer of it is alive.
fn open(path: &Path) -> Result<File, OpenError> {
    let file = File::options()
        .read(true)
        .append(true)
        .create(true)
        .open(path)
        .map_err(OpenError::Open)?;
    start_afresh_unless_running(&file).map_err(OpenError::StartAfresh)?;
    Ok(file)
}

/// Empties `file` when none of the processes whose events it holds is still alive.
fn start_afresh_unless_running(mut file: &File) -> io::Result<()> {
    file.lock()?;
    let mut text = String::new();
    file.rewind()?;
    file.read_to_string(&mut text)?;
    if !writers(&text).any(is_alive) {
        file.set_len(0)?;
    }
    file.unlock()
}

/// The PIDs of the processes that wrote the events of `text`. A line that is not an event (a
/// file from elsewhere, cut short by a full disk) names no writer.
fn writers(text: &str) -> impl Iterator<Item = u32> + '_ {
    text.lines()
        .filter_map(|line| serde_json::from_str::<Event>(line).ok())
        .map(|event| event.pid)
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

/// Reads a whole trace file. A line that is not an event is an error naming its line number.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("trace.jsonl");
/// std::fs::write(&path, "{\"t_ns\":1,\"pid\":2,\"ppid\":1,\"process\":\"P\",\"thread\":\"main\",\"msg\":\"hi\"}\n").unwrap();
/// let events = common::trace::read(&path).unwrap();
/// assert_eq!(events[0].msg, "hi");
/// ```
pub fn read(path: &Path) -> io::Result<Vec<Event>> {
    let text = std::fs::read_to_string(path)?;
    text.lines()
        .enumerate()
        .map(|(index, line)| {
            serde_json::from_str(line).map_err(|e| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{}:{}: {e}", path.display(), index + 1),
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        open(&path).expect("open");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "");
    }

    #[test]
    fn a_trace_that_a_live_process_writes_is_appended_to() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("trace.jsonl");
        // The parent of this test process is alive while the test runs: a sibling rank's trace.
        let live = nix::unistd::getppid().as_raw() as u32;
        std::fs::write(&path, event_of(live)).expect("write");
        open(&path).expect("open");
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            event_of(live)
        );
    }

    #[test]
    fn writers_are_the_pids_of_real_events() {
        let text = event_of(42) + "{\"pid\":7}\nnot json\n" + &event_of(4242);
        assert_eq!(writers(&text).collect::<Vec<_>>(), [42, 4242]);
    }

    #[test]
    fn a_missing_directory_is_an_open_error() {
        let error = open(Path::new("/nonexistent-dir/trace.jsonl")).expect_err("no dir");
        assert!(matches!(error, OpenError::Open(_)), "{error}");
        assert!(
            error
                .to_string()
                .starts_with("cannot open it for appending")
        );
    }
}
