//! Starting and ending: a thread, a `Process` under each start method, and the raw calls under
//! `Process`.

use crate::time;
use common::process::{Process, StartMethod};
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, fork};
use std::thread;
use std::time::Duration;

/// `std::thread::spawn` + `join`, `n` times.
pub fn thread_start_join(n: u64) -> Duration {
    time(|| {
        for _ in 0..n {
            thread::spawn(|| {}).join().expect("join");
        }
    })
}

/// `common::process::Process` start + join of an empty target, `n` times, started by `method`.
fn start_join(n: u64, method: StartMethod) -> Duration {
    time(|| {
        for _ in 0..n {
            let mut p = Process::target(|| {}, ()).start_method(method);
            p.start().expect("start");
            p.join();
        }
    })
}

/// [`start_join`] under `fork`.
pub fn process_start_join(n: u64) -> Duration {
    start_join(n, StartMethod::Fork)
}

/// [`start_join`] under `spawn`: each child a fresh run of this program (`bench`), handed its
/// target by `common::init()`.
pub fn process_start_join_spawn(n: u64) -> Duration {
    start_join(n, StartMethod::Spawn)
}

/// [`start_join`] under `forkserver`: each child forked by the server (started by the first).
pub fn process_start_join_forkserver(n: u64) -> Duration {
    start_join(n, StartMethod::ForkServer)
}

/// The raw calls that `Process` wraps: `fork`, `_exit` in the child, `waitpid`, `n` times.
pub fn raw_fork_waitpid(n: u64) -> Duration {
    time(|| {
        for _ in 0..n {
            // SAFETY: `bench measure` runs this in a process with one thread, and the child
            // only calls `_exit`.
            match unsafe { fork() }.expect("fork") {
                ForkResult::Child => unsafe { nix::libc::_exit(0) },
                ForkResult::Parent { child } => {
                    waitpid(child, None).expect("waitpid");
                }
            }
        }
    })
}
