//! Python's `multiprocessing.Process`, on `fork(2)` through `nix`.
//!
//! ```
//! use common::process::Process;
//!
//! let mut p = Process::new(|| common::say!("hello from the child")).name("SubProcess");
//! p.start().expect("start SubProcess");
//! p.join();
//! assert_eq!(p.exitcode(), Some(0));
//! ```
//!
//! # How it maps to Python
//! | Python | here |
//! |---|---|
//! | `Process(name=, target=, args=, daemon=)` | `Process::new(target).name(..).daemon(..)`; arguments are moved into the target closure |
//! | `p.start()` | [`Process::start`]: `fork`; the child names itself, runs the target, and leaves with `_exit` |
//! | `p.join()`, `p.is_alive()`, `p.exitcode` | [`Process::join`], [`Process::is_alive`], [`Process::exitcode`] (`-N` for death by signal N) |
//! | `p.kill()`, `p.terminate()` | [`Process::kill`] (SIGKILL), [`Process::terminate`] (SIGTERM) |
//! | `p.sentinel`, `multiprocessing.connection.wait(...)`, `p.close()` | [`Process::sentinel`], [`wait`], [`Process::close`] |
//! | `os.register_at_fork(after_in_child=f)` | [`register_at_fork`] (for children of `Process::start`) |
//! | at interpreter exit: terminate daemon children, join the others | the same, from an `atexit` handler registered by the first `start` |
//!
//! # Where it differs
//! - The child is a copy of the parent made by `fork`: it sees the parent's globals as they were
//!   at `start`, and nothing it changes is seen by the parent (as with Python's `fork` start
//!   method). Values cross only through IPC: [`crate::pool`], queues, pipes, shared memory.
//! - `fork` copies only the calling thread. A lock held by any other thread at that moment stays
//!   locked forever in the child, so [`Process::start`] refuses to fork while the process has
//!   more than one thread ([`ProcessError::ThreadsRunning`]). Start processes before threads.
//! - A child never outlives its parent: if the parent dies without running its exit rule (killed
//!   by a signal), the kernel sends the child SIGKILL (`PR_SET_PDEATHSIG`). A Python non-daemon
//!   child would live on as an orphan.

use nix::sys::signal::{Signal, kill};
use nix::unistd::{ForkResult, Pid, fork};
use std::fmt;
use std::io::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};

mod child;
pub(crate) mod children;
mod sentinel;
mod wait;

pub use sentinel::{StillRunning, wait};

pub use children::Child;
pub(crate) use wait::wait_for;

use child::run_child;

/// A child process to be: Python's `multiprocessing.Process`.
pub struct Process {
    name: String,
    daemon: bool,
    target: Option<Box<dyn FnOnce()>>,
    pid: Option<Pid>,
    exitcode: Option<i32>,
    sentinel: Option<std::os::fd::OwnedFd>,
}

impl fmt::Debug for Process {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Process")
            .field("name", &self.name)
            .field("daemon", &self.daemon)
            .field("pid", &self.pid)
            .field("exitcode", &self.exitcode)
            .finish()
    }
}

/// Why a process could not be started.
#[derive(Debug)]
pub enum ProcessError {
    /// `start` was called a second time.
    AlreadyStarted,
    /// Other threads exist; forking now could leave the child deadlocked on a lock one of them held.
    ThreadsRunning(usize),
    /// `fork(2)` itself failed (e.g. `EAGAIN`: too many processes).
    Fork(nix::Error),
}

impl fmt::Display for ProcessError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProcessError::AlreadyStarted => write!(f, "a process can be started only once"),
            ProcessError::ThreadsRunning(n) => write!(
                f,
                "cannot fork while {n} threads are running: start processes before threads"
            ),
            ProcessError::Fork(errno) => write!(f, "fork failed: {errno}"),
        }
    }
}

impl std::error::Error for ProcessError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ProcessError::Fork(errno) => Some(errno),
            ProcessError::AlreadyStarted | ProcessError::ThreadsRunning(_) => None,
        }
    }
}

/// Numbers the default names, as Python's `Process-1`, `Process-2`, ...
static STARTED: AtomicUsize = AtomicUsize::new(0);

impl Process {
    /// A process that will run `target`; Python's `Process(target=...)`. Pass arguments by
    /// capturing them: `Process::new(move || work(value))` is `Process(target=work, args=(value,))`.
    ///
    /// ```
    /// let p = common::process::Process::new(|| {});
    /// assert!(p.pid().is_none());
    /// ```
    pub fn new(target: impl FnOnce() + 'static) -> Self {
        let number = STARTED.fetch_add(1, Ordering::Relaxed) + 1;
        Process {
            name: format!("Process-{number}"),
            daemon: false,
            target: Some(Box::new(target)),
            pid: None,
            exitcode: None,
            sentinel: None,
        }
    }

    /// Names the process (`name=`): the child's [`crate::current_process`] name and its name in `ps`.
    ///
    /// ```
    /// let p = common::process::Process::new(|| {}).name("SubProcess");
    /// assert_eq!(p.get_name(), "SubProcess");
    /// ```
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    /// Makes it a daemon (`daemon=True`): terminated when the parent exits, instead of waited for.
    ///
    /// ```
    /// let p = common::process::Process::new(|| {}).daemon(true);
    /// assert!(p.is_daemon());
    /// ```
    pub fn daemon(mut self, daemon: bool) -> Self {
        self.daemon = daemon;
        self
    }

    /// The name given, or the default `Process-N`.
    pub fn get_name(&self) -> &str {
        &self.name
    }

    /// Whether it is a daemon.
    pub fn is_daemon(&self) -> bool {
        self.daemon
    }

    /// The child's PID once started.
    pub fn pid(&self) -> Option<u32> {
        self.pid.map(|pid| pid.as_raw() as u32)
    }

    /// Forks the child, which runs the target and exits: Python's `p.start()`.
    ///
    /// Refuses while other threads exist ([`ProcessError::ThreadsRunning`]).
    pub fn start(&mut self) -> Result<(), ProcessError> {
        let target = self.target.take().ok_or(ProcessError::AlreadyStarted)?;
        let threads = thread_count();
        if threads > 1 {
            self.target = Some(target);
            return Err(ProcessError::ThreadsRunning(threads));
        }
        children::register_exit_rule();
        crate::trace::lifecycle::ensure_started();
        // Bytes still in Rust's stdout buffer would be printed by both processes.
        let _ = io::stdout().flush();
        let parent = nix::unistd::getpid();
        // Until the new child is in the table of children, a SIGINT or SIGTERM here would find
        // the table without it and leave it behind; and the child, until it has cleared the
        // parent's table, must not run the handler with it. So both hold those signals back.
        let held = children::hold_fatal_signals();
        // The how-many-th child this process starts (0 for the first): a checker's straggler.
        let ordinal = FORKED.fetch_add(1, Ordering::Relaxed);
        // Read in the parent: the child then runs them without taking a lock.
        let after = after_in_child();

        // SAFETY: the process has exactly one thread (checked just above; only this thread could
        // have started another since), so no lock is held by a thread that the child would lack.
        // The child runs `run_child`, which never returns: it ends with `_exit`.
        match unsafe { fork() } {
            Ok(ForkResult::Parent { child }) => {
                self.pid = Some(child);
                self.sentinel = sentinel::open(child);
                children::add(child, self.daemon, &self.name);
                children::release_signals(held);
                Ok(())
            }
            Ok(ForkResult::Child) => run_child(&self.name, parent, target, held, ordinal, &after),
            Err(errno) => {
                children::release_signals(held);
                self.target = None;
                Err(ProcessError::Fork(errno))
            }
        }
    }

    /// Sends SIGKILL, as Python's `p.kill()`. The child may not be gone yet when this returns.
    ///
    /// ```
    /// let mut p = common::process::Process::new(|| loop { common::sleep_secs(1.0) });
    /// p.start().unwrap();
    /// p.kill();
    /// p.join();
    /// assert_eq!(p.exitcode(), Some(-9));
    /// ```
    pub fn kill(&self) {
        self.signal(Signal::SIGKILL);
    }

    /// Sends SIGTERM, as Python's `p.terminate()`.
    pub fn terminate(&self) {
        self.signal(Signal::SIGTERM);
    }

    fn signal(&self, signal: Signal) {
        // Once reaped, the PID may belong to another process: never signal it.
        if let (Some(pid), None) = (self.pid, self.exitcode) {
            let _ = kill(pid, signal);
        }
    }
}

/// Functions every child started by [`Process::start`] runs first, in the order registered.
static AFTER_IN_CHILD: std::sync::Mutex<Vec<fn()>> = std::sync::Mutex::new(Vec::new());

/// Python's `os.register_at_fork(after_in_child=f)`: `f` runs in every child that
/// [`Process::start`] forks from now on, before its target (a checker uses it to give the child a
/// value its parent does not have).
///
/// ```
/// use common::process::{Process, register_at_fork};
/// use std::sync::atomic::{AtomicI32, Ordering};
/// static NUM: AtomicI32 = AtomicI32::new(1);
/// register_at_fork(|| NUM.store(7, Ordering::SeqCst));
/// let mut p = Process::new(|| assert_eq!(NUM.load(Ordering::SeqCst), 7));
/// p.start().unwrap();
/// p.join();
/// assert_eq!((p.exitcode(), NUM.load(Ordering::SeqCst)), (Some(0), 1));
/// ```
pub fn register_at_fork(after_in_child: fn()) {
    AFTER_IN_CHILD
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(after_in_child);
}

fn after_in_child() -> Vec<fn()> {
    AFTER_IN_CHILD
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
}

/// How many children this process has started (not created: `Process::new` numbers names).
static FORKED: AtomicUsize = AtomicUsize::new(0);

/// The children this process started that are still running: Python's
/// `multiprocessing.active_children()` (as names, PIDs and daemon flags; the `Process` values stay
/// with their owners). Unlike Python's, it does not reap a child that has ended: its `join` does.
///
/// ```
/// use common::process::{Process, active_children};
/// let mut p = Process::new(|| common::sleep_secs(5.0)).name("SubProcess");
/// p.start().unwrap();
/// assert_eq!(active_children()[0].name, "SubProcess");
/// p.kill();
/// p.join();
/// assert!(active_children().is_empty());
/// ```
pub fn active_children() -> Vec<Child> {
    children::running()
}

/// How many threads this process has, from `/proc/self/task`.
///
/// ```
/// assert!(common::process::thread_count() >= 1);
/// ```
pub fn thread_count() -> usize {
    std::fs::read_dir("/proc/self/task").map_or(1, |tasks| tasks.count())
}
