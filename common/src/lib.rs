//! What every example of the workspace shares.
//!
//! - [`say!`]: print one line, the way the notes' `print` does, as one `write(2)` so that lines of
//!   several threads and processes never tear; optionally with who printed it, and always into the
//!   trace when `TUTORIAL_TRACE` is set.
//! - [`current_process`] and [`current_thread_name`]: Python's `mp.current_process()` and
//!   `threading.current_thread().name`.
//! - [`sleep_secs`]: the notes' `time.sleep`, scaled by `TUTORIAL_TIME_SCALE`.
//! - [`process::Process`]: Python's `multiprocessing.Process`, started by `fork`, `spawn` or
//!   `forkserver`; [`init`], the first line of `main`, is Rust's `if __name__ == "__main__":`.
//! - [`pool::Pool`]: Python's `multiprocessing.Pool`, its workers forked once (by a fork server) and
//!   kept; `map`, `imap`, `apply_async` and the rest, over `ipc-channel`.
//! - [`ipc::pipe`] and [`ipc::recv_from`]: Python's `Pipe()`, and a queue wait that cannot hang.
//! - [`shm::Value`], [`shm::Array`] and [`shm::Lock`]: Python's `Value` (with `get_lock()`), `Array` and
//!   `Lock`: atomics, and a futex, in shared memory.
//! - [`sync::Semaphore`] and [`sync::Event`]: Python's `threading.Semaphore` and `Event`.
//! - [`python::Py`]: `True`, `False` and `None` printed as Python prints them.
//! - [`trace`]: the JSON-lines record of every printed line, read by the test harness.
//!
//! What a caller sees when a process that serves it (a fork server, a pool's server or worker, a
//! manager, the shared-memory tracker) is stopped, killed or lies, and in how long: the fault
//! table, `docs/faults.md`, each row with the test that shows it (or marked as not shown yet).
//!
//! # Environment variables
//! | variable | values | effect |
//! |---|---|---|
//! | `TUTORIAL_TIME_SCALE` | a number from 0 to 100, default 1 | multiplies every tutorial sleep |
//! | `TUTORIAL_TRACE` | a file path | appends one JSON object per printed line (see [`trace`]) |
//! | `TUTORIAL_SHOW` | `pid` or `none`, default `none` | `pid` prefixes each line with `[process/thread pid=N]` |
//! | `TUTORIAL_START_METHOD` | `fork` (default), `spawn` or `forkserver` | how [`process::Process`] starts a child ([`process::set_start_method`]) |
//! | `TUTORIAL_STRAGGLER`, `TUTORIAL_JITTER`, `TUTORIAL_HOLD` | see [`perturb`] | schedules perturbed on purpose, for the exercise checker |
//!
//! They are read once, on the first line printed or the first sleep. A value that is set but
//! not valid (empty included) ends the program with exit status 2 and one line on stderr
//! naming the variable and the value.

#![warn(missing_docs)]

mod callback;
pub mod config;
mod exit;
mod identity;
pub mod ipc;
pub mod manager;
mod output;
pub mod perturb;
pub mod pool;
pub mod process;
pub mod python;
pub mod say;
pub mod shm;
mod spin;
pub mod sync;
mod time;
pub mod trace;

/// `docs/python-to-rust.md`, whose code blocks run here as doctests so that the map stays true.
#[doc = include_str!("../../docs/python-to-rust.md")]
pub mod python_to_rust {}

pub use identity::{
    CurrentProcess, ParentProcess, current_process, current_thread_name, parent_process,
    set_process_name,
};
pub use process::init;
pub use time::{sleep_secs, time_scale};
