//! The trace: one JSON object per printed line, appended to the file `TUTORIAL_TRACE` names.
//!
//! ```json
//! {"t_ns":12345,"pid":4242,"ppid":4200,"process":"MainProcess","thread":"thread 3","msg":"sub thread start  thread 3"}
//! ```
//! - `t_ns`: `CLOCK_MONOTONIC` in nanoseconds, comparable across the processes of one machine;
//! - `pid`, `ppid`: the printing process and its parent;
//! - `process`, `thread`: the names [`crate::current_process`] and [`crate::current_thread_name`] give;
//! - `msg`: the line as printed, without its newline and without the `TUTORIAL_SHOW` prefix.
//!
//! An event that was not printed, such as the GUI consumer's hand-off of an item (see [`record`]),
//! also has a `kind` field naming what happened; a printed line has none.
//!
//! Every process of a run appends to the same file (`O_APPEND`, one `write(2)` per event), so the
//! events of one process appear in the order it printed them.

use serde::{Deserialize, Serialize};
use std::io;
use std::path::Path;

/// One printed line, as the trace records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// `CLOCK_MONOTONIC` when the line was printed, in nanoseconds.
    pub t_ns: u64,
    /// The process that printed it.
    pub pid: u32,
    /// That process's parent.
    pub ppid: u32,
    /// The process's Python-style name (`"MainProcess"`, or a child's name).
    pub process: String,
    /// The printing thread's name (`"main"` for the main thread).
    pub thread: String,
    /// The line, without its newline.
    pub msg: String,
    /// `None` for a printed line; what happened for an event that printed nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

impl Event {
    /// The event as one line of the trace file, newline included.
    ///
    /// ```
    /// let event = common::trace::Event {
    ///     t_ns: 1, pid: 2, ppid: 1, process: "MainProcess".into(), thread: "main".into(),
    ///     msg: "hi".into(), kind: None,
    /// };
    /// assert_eq!(
    ///     event.to_json_line(),
    ///     "{\"t_ns\":1,\"pid\":2,\"ppid\":1,\"process\":\"MainProcess\",\"thread\":\"main\",\"msg\":\"hi\"}\n"
    /// );
    /// ```
    pub fn to_json_line(&self) -> String {
        let mut line = serde_json::to_string(self).expect("an Event always serializes");
        line.push('\n');
        line
    }
}

/// Nanoseconds of `CLOCK_MONOTONIC`, the clock every event is stamped with.
///
/// ```
/// let a = common::trace::monotonic_ns();
/// assert!(common::trace::monotonic_ns() >= a);
/// ```
pub fn monotonic_ns() -> u64 {
    let now = nix::time::clock_gettime(nix::time::ClockId::CLOCK_MONOTONIC)
        .expect("CLOCK_MONOTONIC is always available on Linux");
    // Both parts are non-negative for CLOCK_MONOTONIC.
    now.tv_sec() as u64 * 1_000_000_000 + now.tv_nsec() as u64
}

/// Records an event that prints nothing, of this `kind`, in the trace (if `TUTORIAL_TRACE` is set).
///
/// ```
/// common::trace::record("handoff", "2022-10-23 12:00:00.000000");
/// ```
pub fn record(kind: &str, msg: &str) {
    let config = crate::config::get();
    let Some(file) = &config.trace else { return };
    let me = crate::current_process();
    let event = Event {
        t_ns: monotonic_ns(),
        pid: me.pid,
        ppid: me.ppid,
        process: me.name,
        thread: crate::current_thread_name(),
        msg: msg.to_owned(),
        kind: Some(kind.to_owned()),
    };
    crate::say::write_trace(file, &event);
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

    #[test]
    fn an_event_is_one_json_object_with_exactly_the_documented_fields() {
        let event = Event {
            t_ns: 7,
            pid: 10,
            ppid: 9,
            process: "SubProcess".into(),
            thread: "thread 3".into(),
            msg: "say \"hi\"\tand 안녕".into(),
            kind: None,
        };
        let line = event.to_json_line();
        assert!(line.ends_with('\n') && !line[..line.len() - 1].contains('\n'));
        let value: serde_json::Value = serde_json::from_str(&line).expect("valid JSON");
        let object = value.as_object().expect("an object");
        let keys: Vec<&str> = object.keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 6);
        for key in ["t_ns", "pid", "ppid", "process", "thread", "msg"] {
            assert!(object.contains_key(key), "missing {key} in {line}");
        }
        assert_eq!(object["msg"], "say \"hi\"\tand 안녕");
        assert_eq!(
            serde_json::from_str::<Event>(&line).expect("round trip"),
            event
        );
    }

    #[test]
    fn read_names_the_bad_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("trace.jsonl");
        let good = Event {
            t_ns: 1,
            pid: 2,
            ppid: 1,
            process: "MainProcess".into(),
            thread: "main".into(),
            msg: "ok".into(),
            kind: None,
        };
        std::fs::write(&path, good.to_json_line() + "not json\n").expect("write");
        let error = read(&path).expect_err("line 2 is bad");
        assert!(error.to_string().contains(":2:"), "{error}");
    }
}
