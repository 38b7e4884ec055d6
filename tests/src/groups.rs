//! The process groups this process has started and not yet reaped, so that a checker ended by a
//! signal (Ctrl-C, SIGTERM, a closed terminal) can end them first: each run is a group of its
//! own, out of the terminal's reach, and would otherwise outlive it.
//!
//! ```
//! use std::os::unix::process::CommandExt;
//! let mut child = std::process::Command::new("sleep").arg("60").process_group(0).spawn().unwrap();
//! harness::groups::add(child.id());
//! harness::groups::kill_all(); // what a signal handler calls
//! child.wait().unwrap();
//! harness::groups::remove(child.id());
//! ```

use std::sync::atomic::{AtomicI32, Ordering};

/// The leaders of the live groups; 0 marks a free slot. Fixed, so that a signal handler can read
/// it without allocating or locking.
static GROUPS: [AtomicI32; 256] = [const { AtomicI32::new(0) }; 256];

/// Remembers the group led by `pid` (started with `process_group(0)`). With every slot taken,
/// the group is not remembered: a run still ends it on its own timeout.
pub fn add(pid: u32) {
    let pid = pid as i32;
    for slot in &GROUPS {
        if slot
            .compare_exchange(0, pid, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
        {
            return;
        }
    }
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
            // SAFETY: `kill` is async-signal-safe and takes plain integers; a negative PID names
            // the group, which this process started and has not reaped (so its number is not
            // reused).
            unsafe { nix::libc::kill(-pid, nix::libc::SIGKILL) };
        }
    }
}
