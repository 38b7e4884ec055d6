//! Who is running: Python's `mp.current_process()` and `threading.current_thread().name`.

use std::sync::Mutex;
use std::thread;

/// The name of this process; `None` means Python's default, `"MainProcess"`.
/// A forked child sets it to the name it was given, before its target runs.
static PROCESS_NAME: Mutex<Option<String>> = Mutex::new(None);

/// What Python's `multiprocessing.current_process()` tells: the name and the PID,
/// plus the parent's PID (`os.getppid()`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentProcess {
    /// `"MainProcess"` in the program that was started, a child's name in a child.
    pub name: String,
    /// `os.getpid()`.
    pub pid: u32,
    /// `os.getppid()`.
    pub ppid: u32,
}

/// This process: its Python-style name, its PID and its parent's PID.
///
/// ```
/// let me = common::current_process();
/// assert_eq!(me.name, "MainProcess");
/// assert_eq!(me.pid, std::process::id());
/// ```
pub fn current_process() -> CurrentProcess {
    CurrentProcess {
        name: process_name(),
        pid: std::process::id(),
        ppid: std::os::unix::process::parent_id(),
    }
}

/// Names this process, as Python names a child after `Process(name=...)` starts. `Process` does
/// this for its children; a process started by another launcher (an MPI rank) names itself.
///
/// ```
/// common::set_process_name("rank 0");
/// assert_eq!(common::current_process().name, "rank 0");
/// ```
pub fn set_process_name(name: impl Into<String>) {
    *PROCESS_NAME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(name.into());
}

/// This process's name alone ([`current_process`] without its two system calls).
pub(crate) fn process_name() -> String {
    PROCESS_NAME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .clone()
        .unwrap_or_else(|| "MainProcess".to_owned())
}

/// The process that started this one, as a child knows it: Python's
/// `multiprocessing.parent_process()` (its name and PID).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ParentProcess {
    /// The parent's Python-style name (`"MainProcess"` for the program that was started).
    pub name: String,
    /// The parent's PID.
    pub pid: u32,
}

/// Set in a child as it starts; `None` in the main process.
static PARENT: Mutex<Option<ParentProcess>> = Mutex::new(None);

/// This process's parent, if a [`crate::process::Process`] started it; `None` in the main
/// process, as in Python.
///
/// ```
/// use common::process::Process;
/// assert_eq!(common::parent_process(), None);
/// let mut p = Process::new(|| {
///     let parent = common::parent_process().expect("a child has a parent");
///     assert_eq!(parent.name, "MainProcess");
///     assert_eq!(parent.pid, std::os::unix::process::parent_id());
/// });
/// p.start().unwrap();
/// p.join();
/// assert_eq!(p.exitcode(), Some(0));
/// ```
pub fn parent_process() -> Option<ParentProcess> {
    PARENT
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .clone()
}

/// In a new child: who its parent is.
pub(crate) fn set_parent(parent: ParentProcess) {
    *PARENT
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(parent);
}

/// The current thread's name: `"main"` for the main thread, the name given to
/// `thread::Builder::name` for the others, and the thread's id for an unnamed thread.
///
/// ```
/// let name = std::thread::Builder::new()
///     .name("thread 3".into())
///     .spawn(common::current_thread_name)
///     .unwrap()
///     .join()
///     .unwrap();
/// assert_eq!(name, "thread 3");
/// ```
pub fn current_thread_name() -> String {
    let me = thread::current();
    match me.name() {
        Some(name) => name.to_owned(),
        None => format!("{:?}", me.id()),
    }
}
