//! Watching the waiters: a thread that makes a quiet spell on purpose (a checker's straggler, a
//! checker's producer between two items) samples how often every thread of the waiting process
//! has gone to sleep, and writes each sample as a `watch` event. A thread that waits for a signal
//! sleeps through a spell in which nothing is signalled: its count stays put. One that polls goes
//! back to sleep after every look, however coarse its looks: its count moves.

use super::usage::set_aside;
use super::{Kind, Usage, write_with};
use crate::identity;
use serde::{Deserialize, Serialize};
use std::sync::atomic::AtomicI32;
use std::sync::atomic::Ordering::SeqCst;
use std::time::{Duration, Instant};

/// How often a watch samples: a poller that looks less often than a spell lasts still wakes in
/// it; what this sets is only how finely the checker can cut a spell around an event.
const EVERY: Duration = Duration::from_millis(50);

/// One thread of the watched process in a `watch` event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Watched {
    /// The thread's name as the kernel keeps it (its first 15 bytes), `"main"` for the thread
    /// whose id is the process's.
    pub thread: String,
    /// How many times it has gone to sleep of its own accord so far (`voluntary_ctxt_switches`).
    pub switches: u64,
}

/// Sleeps `span`, sampling every [`EVERY`] the threads of process `pid` (those watching aside) and
/// writing each sample as a `watch` event with `child` = `pid`, if the trace is on; otherwise
/// just sleeps. A sample that cannot be read (the process is gone) is left out.
///
/// ```
/// let before = std::time::Instant::now();
/// common::trace::watch(std::process::id(), std::time::Duration::from_millis(60));
/// assert!(before.elapsed() >= std::time::Duration::from_millis(60));
/// ```
pub fn watch(pid: u32, span: Duration) {
    let start = Instant::now();
    if !super::enabled() {
        std::thread::sleep(span);
        return;
    }
    let me = nix::unistd::gettid().as_raw();
    let _watching = Watching::begin(me);
    let before = Usage::of_this_thread();
    // The steps are the checker's, not the program's: the thread's usage counts one sleep.
    let _set_aside = SetAside(before);
    loop {
        if let Some(watched) = sample(pid) {
            write_with(
                &identity::current_process(),
                &crate::current_thread_name(),
                Kind::Watch,
                "watch",
                |event| {
                    event.child = Some(pid);
                    event.watched = Some(watched);
                },
            );
        }
        let left = span.saturating_sub(start.elapsed());
        if left.is_zero() {
            return;
        }
        std::thread::sleep(left.min(EVERY));
    }
}

/// [`watch()`] on the run's main process: the farthest ancestor of this process that runs the
/// same program (a pool's worker is the child of a fork server, whose parent is main; a spawned
/// child runs the program anew, so it too is the same program). Main itself watches itself.
///
/// ```
/// common::trace::watch_main(std::time::Duration::from_millis(1));
/// ```
pub fn watch_main(span: Duration) {
    watch(main_pid(), span);
}

/// The run's main process, as [`watch_main`] finds it.
fn main_pid() -> u32 {
    let exe = |pid: u32| std::fs::read_link(format!("/proc/{pid}/exe")).ok();
    let parent = |pid: u32| -> Option<u32> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // After the name's closing parenthesis: the state, then the parent's PID.
        stat.rsplit_once(')')?
            .1
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    };
    let mine = exe(std::process::id());
    let mut pid = std::process::id();
    while let Some(up) = parent(pid).filter(|&up| up > 1 && exe(up) == mine && mine.is_some()) {
        pid = up;
    }
    pid
}

/// Sets aside what a watch cost its thread when the watch ends (see [`Usage::of_this_thread`]).
struct SetAside(Usage);

impl Drop for SetAside {
    fn drop(&mut self) {
        let now = Usage::of_this_thread();
        set_aside(Usage {
            switches: (now.switches.saturating_sub(self.0.switches)).saturating_sub(1),
            preempted: now.preempted.saturating_sub(self.0.preempted),
            cpu_us: now.cpu_us.saturating_sub(self.0.cpu_us),
        });
    }
}

/// The threads of this process that are watching now: each sleeps in steps, so none is sampled
/// (with a late start for all but the first worker, the late ones watch side by side). Places
/// that never allocate: a checker that counts what a call left allocated must not see a watch's
/// list (a `Vec` keeps its buffer once it grew).
static WATCHING: [AtomicI32; 64] = [const { AtomicI32::new(0) }; 64];

/// This thread's place in [`WATCHING`], for as long as it watches (none if all 64 are taken: it
/// is then sampled as any thread, its steps counted as wakes).
struct Watching(Option<&'static AtomicI32>);

impl Watching {
    fn begin(tid: i32) -> Watching {
        let place =
            (WATCHING.iter()).find(|place| place.compare_exchange(0, tid, SeqCst, SeqCst).is_ok());
        Watching(place)
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        if let Some(place) = self.0 {
            place.store(0, SeqCst);
        }
    }
}

fn watching(tid: i32) -> bool {
    WATCHING.iter().any(|place| place.load(SeqCst) == tid)
}

/// Every thread of `pid` but the watching ones, with its count of sleeps, from
/// `/proc/<pid>/task`.
fn sample(pid: u32) -> Option<Vec<Watched>> {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).ok()?;
    let mut watched = Vec::new();
    for task in tasks.flatten() {
        let Some(tid) = task
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<i32>().ok())
        else {
            continue;
        };
        if pid == std::process::id() && watching(tid) {
            continue;
        }
        // A thread that ended between the listing and this read is left out.
        let Ok(status) = std::fs::read_to_string(task.path().join("status")) else {
            continue;
        };
        let field = |name: &str| {
            (status.lines())
                .find_map(|l| l.strip_prefix(name))
                .map(|v| v.trim().to_owned())
        };
        let (Some(name), Some(switches)) = (field("Name:"), field("voluntary_ctxt_switches:"))
        else {
            continue;
        };
        watched.push(Watched {
            thread: if tid as u32 == pid {
                "main".to_owned()
            } else {
                name
            },
            switches: switches.parse().unwrap_or(0),
        });
    }
    Some(watched)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sleeping_thread_keeps_its_count_and_a_polling_one_moves_it() {
        let (asleep_tx, asleep_rx) = std::sync::mpsc::channel::<()>();
        let sleeper = std::thread::Builder::new()
            .name("sleeper".into())
            .spawn(move || asleep_rx.recv())
            .unwrap();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let poller = std::thread::Builder::new()
            .name("poller".into())
            .spawn({
                let stop = stop.clone();
                move || {
                    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                }
            })
            .unwrap();
        std::thread::sleep(Duration::from_millis(50));
        let count = |name: &str| {
            let all = sample(std::process::id()).unwrap();
            all.into_iter().find(|w| w.thread == name).unwrap().switches
        };
        let (sleeper_before, poller_before) = (count("sleeper"), count("poller"));
        std::thread::sleep(Duration::from_millis(200));
        assert_eq!(count("sleeper"), sleeper_before);
        assert!(count("poller") >= poller_before + 3);
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        drop(asleep_tx);
        sleeper.join().unwrap().unwrap_err();
        poller.join().unwrap();
    }
}
