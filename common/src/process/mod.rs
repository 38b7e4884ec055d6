//! Python's `multiprocessing.Process`, started by `fork`, `spawn` or `forkserver`.
//!
//! ```
//! use common::process::Process;
//!
//! fn work(greeting: String) {
//!     common::say!("{greeting} from the child");
//! }
//!
//! common::init(); // the first line of `main`: Rust's `if __name__ == "__main__":`
//! let mut p = Process::target(work, "hello".to_owned()).name("SubProcess");
//! p.start().expect("start SubProcess");
//! p.join();
//! assert_eq!(p.exitcode(), Some(0));
//! ```
//!
//! # How it maps to Python
//! | Python | here |
//! |---|---|
//! | `Process(name=, target=f, args=(..), daemon=)` | [`Process::target`]`(f, args).name(..).daemon(..)`: a function that captures nothing, serializable arguments; every start method |
//! | `Process(target=lambda: ...)` | [`Process::new`]`(closure)`: `fork` only (under `spawn`, [`ProcessError::NotSpawnable`], as Python's `PicklingError`) |
//! | `if __name__ == "__main__":` | [`init`] as the first line of `main` |
//! | `set_start_method(..)`, `get_start_method()` | [`set_start_method`], [`get_start_method`] (default: `TUTORIAL_START_METHOD`, else `fork`) |
//! | `get_context(method).Process(..)` | [`Process::start_method`] |
//! | `p.start()` | [`Process::start`]: the child names itself, runs the target, and leaves with `_exit` |
//! | `p.join()`, `p.is_alive()`, `p.exitcode` | [`Process::join`], [`Process::is_alive`], [`Process::exitcode`] (`-N` for death by signal N) |
//! | `p.kill()`, `p.terminate()` | [`Process::kill`] (SIGKILL), [`Process::terminate`] (SIGTERM) |
//! | `p.sentinel`, `multiprocessing.connection.wait(...)`, `p.close()` | [`Process::sentinel`], [`wait`], [`Process::close`] |
//! | `os.register_at_fork(after_in_child=f)` | [`register_at_fork`] (for children that `start` forks) |
//! | at interpreter exit: terminate daemon children, join the others | the same, from an `atexit` handler registered by the first `start` |
//!
//! # The start methods
//! - `fork`: the child is a copy of the parent: it sees the parent's globals as they were at
//!   `start`, and nothing it changes is seen by the parent. `fork` copies only the calling thread;
//!   a lock held by any other thread at that moment stays locked forever in the child, so `start`
//!   refuses to fork while the process has more than one thread
//!   ([`ProcessError::ThreadsRunning`]). Python's `fork` forks anyway (3.12 warns).
//! - `spawn`: the child is a fresh run of the same executable; `main` calls [`init`] first, which
//!   in the child runs the target and ends it. Its globals start as the program's do; its target
//!   and arguments arrive serialized (`spawn.rs`, `target.rs`). Threads in the parent are fine.
//! - `forkserver`: a server, started at the first such start as a fresh run of the program (as
//!   `spawn` starts a child), forks each child; the child has the server's memory, not the
//!   parent's, and becomes the parent's own child (`forkserver.rs`). Threads in the parent are fine.
//! - A `Pool` forks its workers, whatever the method.
//! - Either way, values cross only through IPC: [`crate::pool`], queues, pipes, shared memory.
//!
//! # Where it differs
//! - A child never outlives its parent: if the parent dies without running its exit rule (killed
//!   by a signal), the child is killed too (`lifeline.rs`: `PR_SET_PDEATHSIG` for a fork, a pipe
//!   that closes with the parent for the other two). A Python non-daemon child would live on as an
//!   orphan.

use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};

mod at_fork;
mod child;
pub(crate) mod children;
mod error;
mod fork;
mod forkserver;
mod forkserver_answer;
mod handoff;
mod lifeline;
mod method;
mod run_again;
mod sentinel;
mod spawn;
mod start_up;
mod status;
pub(crate) use status::{ended, stopped};
mod target;
mod wait;

pub use at_fork::register_at_fork;
pub use children::Child;
pub use error::ProcessError;
pub use fork::thread_count;
pub use method::{AlreadySet, StartMethod, get_start_method, set_start_method};
pub use sentinel::{StillRunning, wait};
pub use start_up::init;
pub use target::Entry;

use target::{Call, Target};

/// A child process to be: Python's `multiprocessing.Process`.
pub struct Process {
    name: String,
    daemon: bool,
    target: Option<Target>,
    method: Option<StartMethod>,
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
    ///
    /// Only the `fork` start method can take a closure along; for every method, use
    /// [`Process::target`].
    pub fn new(target: impl FnOnce() + 'static) -> Self {
        Self::with(Target::Closure(Box::new(target)))
    }

    /// A process that will call `f(args)`: Python's `Process(target=f, args=(...))`, for every
    /// start method. `f` is a named function or a closure that captures nothing (of no argument,
    /// one, two or three, given `()`, `a`, `(a, b)` or `(a, b, c)`). A spawned child, a fresh run
    /// of this program, receives the arguments serialized, and what they hold of IPC (a queue's
    /// end, a pipe's end, a `Value`) as the same object, its descriptor passed; a forked child
    /// takes them as they are, unserialized, as Python's `fork` pickles nothing.
    ///
    /// ```
    /// use common::process::Process;
    /// fn work(value: String) {
    ///     assert_eq!(value, "hello");
    /// }
    /// let mut p = Process::target(work, "hello".to_owned());
    /// p.start().unwrap();
    /// p.join();
    /// assert_eq!(p.exitcode(), Some(0));
    /// ```
    pub fn target<A, M, F>(f: F, args: A) -> Self
    where
        A: Serialize + DeserializeOwned + 'static,
        M: 'static,
        F: Entry<A, M>,
    {
        Self::with(Target::Call(Call::new(f, args)))
    }

    fn with(target: Target) -> Self {
        let number = STARTED.fetch_add(1, Ordering::Relaxed) + 1;
        Process {
            name: format!("Process-{number}"),
            daemon: false,
            target: Some(target),
            method: None,
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

    /// Starts this process with `method`, whatever the program's: Python's
    /// `multiprocessing.get_context(method).Process(...)`.
    pub fn start_method(mut self, method: StartMethod) -> Self {
        self.method = Some(method);
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

    /// Starts the child, which runs the target and exits: Python's `p.start()`. How depends on
    /// the start method ([`get_start_method`], or [`Process::start_method`] for this process):
    /// `fork` copies this process, and refuses while other threads exist
    /// ([`ProcessError::ThreadsRunning`]); `spawn` runs this program afresh, and takes only a
    /// [`Process::target`] ([`ProcessError::NotSpawnable`]).
    pub fn start(&mut self) -> Result<(), ProcessError> {
        if self.pid.is_some() {
            return Err(ProcessError::AlreadyStarted);
        }
        if crate::config::spawned_but_running_main() {
            return Err(ProcessError::Bootstrapping);
        }
        let method = self.method.unwrap_or_else(get_start_method);
        let pid = match method {
            StartMethod::Fork => fork::start(self)?,
            StartMethod::Spawn => spawn::start(self)?,
            StartMethod::ForkServer => forkserver::start(self)?,
        };
        self.pid = Some(pid);
        self.sentinel = sentinel::open(pid);
        crate::trace::lifecycle::child_began(pid.as_raw() as u32, &self.name, self.daemon);
        Ok(())
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
            crate::trace::lifecycle::child_signalled(
                pid.as_raw() as u32,
                &self.name,
                signal.as_str(),
            );
            let _ = kill(pid, signal);
        }
    }
}

/// How many children this process has started (not created: `Process::new` numbers names).
static STARTS: AtomicUsize = AtomicUsize::new(0);

impl Process {
    /// Takes the target to start (a fork can take either kind), once.
    fn take_target(&mut self) -> Result<Target, ProcessError> {
        self.target.take().ok_or(ProcessError::AlreadyStarted)
    }

    /// Takes the `Call` to start in a child that is not a fork, once. A closure is refused and
    /// left in place, so that the `Process` is as it was.
    fn take_call(&mut self) -> Result<Call, ProcessError> {
        match self.target.take() {
            Some(Target::Call(call)) => Ok(call),
            Some(closure) => {
                self.target = Some(closure);
                Err(ProcessError::NotSpawnable)
            }
            None => Err(ProcessError::AlreadyStarted),
        }
    }
}

/// The how-many-th child this process starts now (0 for the first): a checker's straggler.
fn next_ordinal() -> usize {
    STARTS.fetch_add(1, Ordering::Relaxed)
}

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
