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
    /// whose id is the process's, `"tid <id>"` for one without a name of its own.
    pub thread: String,
    /// How many times it has gone to sleep of its own accord so far (`voluntary_ctxt_switches`).
    pub switches: u64,
    /// How many times the scheduler took the CPU from it while it could run
    /// (`nonvoluntary_ctxt_switches`): never while it sleeps; again and again while it spins or
    /// yields on a busy machine.
    #[serde(default)]
    pub preempted: u64,
    /// Its CPU time so far, in nanoseconds (`schedstat`, else `stat`'s ticks): none goes by
    /// while it sleeps.
    #[serde(default)]
    pub cpu_ns: u64,
    /// Its state when sampled, the letter of `State:` (`S` asleep in a wait, `R` running or
    /// ready to run, `D` in the kernel's uninterruptible sleep: on a lock inside a `write`).
    /// Only a thread asleep in a wait (`S`) can wake: one that could run, or was held on the
    /// kernel's lock in the middle of writing its line, next sleeps of its own accord by going
    /// to sleep, not by waking.
    #[serde(default)]
    pub state: char,
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
    // A thread without a name of its own has its process's (the program's file name).
    let program = std::fs::read_to_string(format!("/proc/{pid}/comm")).ok()?;
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
        let (Some(name), Some(switches), Some(preempted)) = (
            field("Name:"),
            field("voluntary_ctxt_switches:"),
            field("nonvoluntary_ctxt_switches:"),
        ) else {
            continue;
        };
        watched.push(Watched {
            thread: if tid as u32 == pid {
                "main".to_owned()
            } else if name == program.trim_end() {
                format!("tid {tid}")
            } else {
                name
            },
            switches: switches.parse().unwrap_or(0),
            preempted: preempted.parse().unwrap_or(0),
            cpu_ns: cpu_ns(&task.path()),
            state: field("State:")
                .and_then(|state| state.chars().next())
                .unwrap_or('?'),
        });
    }
    Some(watched)
}

/// A task's CPU time in nanoseconds: `schedstat`'s first field, else `stat`'s user and system
/// ticks (a hundredth of a second each on Linux's usual `USER_HZ`).
fn cpu_ns(task: &std::path::Path) -> u64 {
    if let Some(ns) = std::fs::read_to_string(task.join("schedstat"))
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
    {
        return ns;
    }
    let stat = std::fs::read_to_string(task.join("stat")).unwrap_or_default();
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    // After the name: state is field 3, utime 14 and stime 15 (the 12th and 13th after it).
    let ticks: u64 = (after_name.split_whitespace())
        .skip(11)
        .take(2)
        .filter_map(|t| t.parse::<u64>().ok())
        .sum();
    ticks * 10_000_000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sleeping_thread_keeps_its_counts_a_polling_one_wakes_a_spinning_one_burns_cpu() {
        use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
        // Each thread says its id once it runs (a thread takes its name only then: before, it
        // has its parent's).
        let (started_tx, started) = std::sync::mpsc::channel::<(&str, i32)>();
        let (asleep_tx, asleep_rx) = std::sync::mpsc::channel::<()>();
        let stop = std::sync::Arc::new(AtomicBool::new(false));
        let spawn = |name: &'static str, body: Box<dyn FnOnce() + Send>| {
            let started_tx = started_tx.clone();
            std::thread::Builder::new()
                .name(name.into())
                .spawn(move || {
                    started_tx
                        .send((name, nix::unistd::gettid().as_raw()))
                        .unwrap();
                    body();
                })
                .unwrap()
        };
        let sleeper_handle = spawn(
            "sleeper",
            Box::new(move || {
                let _ = asleep_rx.recv();
            }),
        );
        let spinner = spawn("spinner", {
            let stop = stop.clone();
            Box::new(move || while !stop.load(Relaxed) {})
        });
        let poller = spawn("poller", {
            let stop = stop.clone();
            Box::new(move || {
                while !stop.load(Relaxed) {
                    std::thread::sleep(Duration::from_millis(20));
                }
            })
        });
        let ids: Vec<(&str, i32)> = started.iter().take(3).collect();
        let sleeper_tid = ids.iter().find(|(name, _)| *name == "sleeper").unwrap().1;
        // The sleeper asleep in its `recv` (state S), however slowly the machine lets it get there.
        let state = || std::fs::read_to_string(format!("/proc/self/task/{sleeper_tid}/stat"));
        while !state()
            .unwrap()
            .rsplit_once(')')
            .unwrap()
            .1
            .trim_start()
            .starts_with('S')
        {
            std::thread::sleep(Duration::from_millis(1));
        }
        let of = |name: &str| {
            let all = sample(std::process::id()).unwrap();
            all.into_iter().find(|w| w.thread == name).unwrap()
        };
        let (sleeper, poller_before, spinner_before) = (of("sleeper"), of("poller"), of("spinner"));
        // Until the poller has looked three times and the spinner has run 10 ms (a wide bound:
        // a starved test waits longer, and the sleeper must stay put all the same).
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        while of("poller").switches < poller_before.switches + 3
            || of("spinner").cpu_ns < spinner_before.cpu_ns + 10_000_000
        {
            assert!(std::time::Instant::now() < deadline, "no progress in 20 s");
            std::thread::sleep(Duration::from_millis(20));
        }
        let now = of("sleeper");
        assert_eq!(
            (now.switches, now.preempted, now.cpu_ns),
            (sleeper.switches, sleeper.preempted, sleeper.cpu_ns)
        );
        stop.store(true, Relaxed);
        drop(asleep_tx);
        for thread in [sleeper_handle, spinner, poller] {
            thread.join().unwrap();
        }
    }
}
