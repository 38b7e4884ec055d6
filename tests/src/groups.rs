//! The process groups this process has started and not yet reaped, so that a checker ended by a
//! signal (Ctrl-C, SIGTERM, a closed terminal) can end them first: each run is a group of its
//! own, out of the terminal's reach, and would otherwise outlive it.
//!
//! Ending is for good: a group added after [`end_all`] (a run that another thread was starting
//! while the checker ended) is killed as it is added, so nothing started during the last second
//! outlives the checker. [`spawn`] starts and adds in one step that no signal splits.
//!
//! ```
//! use std::os::unix::process::{CommandExt, ExitStatusExt};
//! use std::process::Command;
//! // A child's signals are not held back, as they are on this thread while it starts.
//! let mut blocked = Command::new("grep");
//! blocked.args(["SigBlk", "/proc/self/status"]).stdout(std::process::Stdio::piped());
//! let out = harness::groups::spawn(blocked.process_group(0)).unwrap().wait_with_output();
//! assert_eq!(String::from_utf8(out.unwrap().stdout).unwrap(), "SigBlk:\t0000000000000000\n");
//! let sleep = || harness::groups::spawn(Command::new("sleep").arg("5").process_group(0));
//! let mut child = sleep().unwrap();
//! harness::groups::end_all(); // what a signal handler calls
//! assert_eq!(child.wait().unwrap().signal(), Some(9), "killed");
//! harness::groups::remove(child.id());
//! // Started after the end: killed as it is added.
//! let mut late = sleep().unwrap();
//! assert_eq!(late.wait().unwrap().signal(), Some(9), "killed as it was added");
//! ```

use std::io;
use std::process::{Child, Command};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

/// The leaders of the live groups; 0 marks a free slot. Fixed, so that a signal handler can read
/// it without allocating or locking.
static GROUPS: [AtomicI32; 256] = [const { AtomicI32::new(0) }; 256];

/// Set by [`end_all`]: from then on every group is killed as it is added.
static ENDING: AtomicBool = AtomicBool::new(false);

/// Remembers the group led by `pid` (started with `process_group(0)`). With every slot taken,
/// the group is not remembered: a run still ends it on its own timeout. After [`end_all`], kills
/// the group at once instead.
pub fn add(pid: u32) {
    let pid = pid as i32;
    for slot in &GROUPS {
        if slot
            .compare_exchange(0, pid, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
        {
            break;
        }
    }
    // Stored first, then looked: `end_all` sets the flag first, then looks at the slots. With
    // both SeqCst, one of the two sees the other, so the group is killed either way.
    if ENDING.load(Ordering::SeqCst) {
        kill_group(pid);
    }
}

/// Starts `command` (which must make its own group: `process_group(0)`) and adds its group,
/// with SIGINT, SIGTERM and SIGHUP held back on this thread in between: a handler that runs
/// [`end_all`] runs before the start or after the add, never between. The child gets the
/// thread's mask as it was before (a forked child inherits the mask, and `std` does not clear
/// it: seen, an example's `terminate()` no longer ended its child).
pub fn spawn(command: &mut Command) -> io::Result<Child> {
    use nix::sys::signal::{SigSet, SigmaskHow, Signal, pthread_sigmask};
    use std::os::unix::process::CommandExt;
    let mut held = SigSet::empty();
    for signal in [Signal::SIGINT, Signal::SIGTERM, Signal::SIGHUP] {
        held.add(signal);
    }
    let mut before = SigSet::empty();
    let masked = pthread_sigmask(SigmaskHow::SIG_BLOCK, Some(&held), Some(&mut before)).is_ok();
    // SAFETY: between fork and exec only async-signal-safe calls are allowed; `pthread_sigmask`
    // is one, and the closure only reads the copied `before`.
    unsafe {
        command.pre_exec(move || {
            pthread_sigmask(SigmaskHow::SIG_SETMASK, Some(&before), None).map_err(io::Error::from)
        });
    }
    let child = command.spawn();
    if let Ok(child) = &child {
        add(child.id());
    }
    if masked {
        let _ = pthread_sigmask(SigmaskHow::SIG_SETMASK, Some(&before), None);
    }
    child
}

/// SIGKILLs every remembered group, and every group added from now on. Async-signal-safe:
/// atomic stores and loads and `kill(2)` only.
pub fn end_all() {
    ENDING.store(true, Ordering::SeqCst);
    kill_all();
}

/// Forgets the group led by `pid` (it has been reaped).
pub fn remove(pid: u32) {
    let pid = pid as i32;
    for slot in &GROUPS {
        let _ = slot.compare_exchange(pid, 0, Ordering::SeqCst, Ordering::SeqCst);
    }
}

/// SIGKILLs every remembered group. Async-signal-safe: atomic loads and `kill(2)` only.
pub fn kill_all() {
    for slot in &GROUPS {
        let pid = slot.load(Ordering::SeqCst);
        if pid > 0 {
            kill_group(pid);
        }
    }
}

/// SIGKILLs the group led by `pid`. Async-signal-safe.
fn kill_group(pid: i32) {
    // SAFETY: `kill` is async-signal-safe and takes plain integers; a negative PID names the
    // group, which this process started and has not reaped (so its number is not reused).
    unsafe { nix::libc::kill(-pid, nix::libc::SIGKILL) };
}
