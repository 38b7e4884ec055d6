//! Schedules perturbed on purpose, for the exercise checker (`practice`): a program that is
//! right whatever the schedule passes, and one that is right only by luck (a sleep in place of a
//! join, a read-then-write without its lock) fails on the first check, not the tenth. Off unless
//! a variable is set; an invalid value ends the program with status 2, as `config` does.
//!
//! | variable | values | effect |
//! |---|---|---|
//! | `TUTORIAL_STRAGGLER` | `first:<ms>` or `rest:<ms>` | a worker waits `<ms>` before it starts its work: with `first`, only the first thread of each process (the one whose name ends in 0, as `worker 0`; among threads without a number, the first to print) and the first child process started; with `rest`, every other one. While it waits, it samples how often the threads of its process (a thread) or of the main process (a child) go to sleep, as `watch` events (`trace::watch`) |
//! | `TUTORIAL_HOLD` | `<ms>:<line>` | the thread about to print exactly `<line>` (or, for `<line>` ending in `*`, the first line of the process that starts with what comes before it) waits `<ms>` first: a signal comes later than the arguments let anyone work out (a worker that sleeps in place of waiting for "main: go" goes before it) |
//! | `TUTORIAL_JITTER` | a seed, a whole number | short pauses, reproducible from the seed, at every printed line (up to 3 ms) and at about one shared-memory read or write or proxy call in 256 (up to 0.2 ms) |
//!
//! A checker's own code can also stop the threads at random moments, locks included:
//! [`interrupt_threads`]. And every process counts its uses of shared state (a read or write of a
//! `Value` or an `Array`, a call through a manager's proxy), always: a child writes the count into
//! its `process_exit` event, so the checker sees whether the children did the work or their
//! parent did it for them.

mod counts;
mod hold;
mod interrupt;

pub(crate) use counts::{
    lock_held, locks_taken, message_received, proxy_write, proxy_writes, received, shared_accesses,
    shared_write, unlocked_writes,
};
pub use hold::parse_hold;
pub use interrupt::{Interrupter, interrupt_threads};

use crate::config::ConfigError;
use std::cell::Cell;
use std::ffi::OsStr;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// `first:<ms>` or `rest:<ms>`: which workers start late, and by how much.
pub const STRAGGLER_VAR: &str = "TUTORIAL_STRAGGLER";
/// A seed for short reproducible pauses.
pub const JITTER_VAR: &str = "TUTORIAL_JITTER";
/// `<ms>:<line>`: a line held back before it is printed.
pub const HOLD_VAR: &str = "TUTORIAL_HOLD";

/// Which workers start late.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Straggler {
    /// The first worker (ordinal 0) waits this long.
    First(Duration),
    /// Every worker but the first waits this long.
    Rest(Duration),
}

impl Straggler {
    /// How long the worker with this ordinal (0 for the first) waits.
    ///
    /// ```
    /// use common::perturb::Straggler;
    /// use std::time::Duration;
    /// let late = Duration::from_millis(300);
    /// assert_eq!(Straggler::First(late).delay(0), late);
    /// assert_eq!(Straggler::First(late).delay(3), Duration::ZERO);
    /// assert_eq!(Straggler::Rest(late).delay(0), Duration::ZERO);
    /// ```
    pub fn delay(self, ordinal: usize) -> Duration {
        match (self, ordinal) {
            (Straggler::First(late), 0) => late,
            (Straggler::Rest(late), 1..) => late,
            _ => Duration::ZERO,
        }
    }
}

/// Parses a `TUTORIAL_STRAGGLER` value; `None` (unset) means no straggler.
///
/// ```
/// use common::perturb::{Straggler, parse_straggler};
/// use std::ffi::OsStr;
/// use std::time::Duration;
/// assert_eq!(parse_straggler(None), Ok(None));
/// assert_eq!(
///     parse_straggler(Some(OsStr::new("rest:300"))),
///     Ok(Some(Straggler::Rest(Duration::from_millis(300))))
/// );
/// assert!(parse_straggler(Some(OsStr::new("last:300"))).is_err());
/// ```
pub fn parse_straggler(raw: Option<&OsStr>) -> Result<Option<Straggler>, ConfigError> {
    let Some(raw) = raw else { return Ok(None) };
    let error = || ConfigError {
        var: STRAGGLER_VAR,
        value: raw.to_string_lossy().into_owned(),
        expected: "expected first:<ms> or rest:<ms>, with <ms> from 0 to 60000".to_owned(),
    };
    let (which, ms) = raw
        .to_str()
        .and_then(|s| s.split_once(':'))
        .ok_or_else(error)?;
    let ms: u64 = ms
        .parse()
        .ok()
        .filter(|ms| *ms <= 60_000)
        .ok_or_else(error)?;
    let late = Duration::from_millis(ms);
    match which {
        "first" => Ok(Some(Straggler::First(late))),
        "rest" => Ok(Some(Straggler::Rest(late))),
        _ => Err(error()),
    }
}

/// Parses a `TUTORIAL_JITTER` value (a seed); `None` (unset) means no jitter.
///
/// ```
/// use std::ffi::OsStr;
/// assert_eq!(common::perturb::parse_jitter(Some(OsStr::new("42"))), Ok(Some(42)));
/// assert!(common::perturb::parse_jitter(Some(OsStr::new("lots"))).is_err());
/// ```
pub fn parse_jitter(raw: Option<&OsStr>) -> Result<Option<u64>, ConfigError> {
    let Some(raw) = raw else { return Ok(None) };
    raw.to_str()
        .and_then(|s| s.trim().parse().ok())
        .map(Some)
        .ok_or_else(|| ConfigError {
            var: JITTER_VAR,
            value: raw.to_string_lossy().into_owned(),
            expected: "expected a seed, a whole number".to_owned(),
        })
}

#[derive(Debug)]
struct Settings {
    straggler: Option<Straggler>,
    jitter: Option<u64>,
    hold: Option<(Duration, String)>,
}

/// Reads the settings now, if not yet read: `Process::start` does so before `fork`, so that no
/// child reads (and writes) them on its own.
pub(crate) fn read_settings() {
    settings();
}

fn settings() -> &'static Settings {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    SETTINGS.get_or_init(|| {
        let parsed =
            parse_straggler(std::env::var_os(STRAGGLER_VAR).as_deref()).and_then(|straggler| {
                Ok(Settings {
                    straggler,
                    jitter: parse_jitter(std::env::var_os(JITTER_VAR).as_deref())?,
                    hold: parse_hold(std::env::var_os(HOLD_VAR).as_deref())?,
                })
            });
        parsed.unwrap_or_else(|error| {
            eprintln!("error: {error}");
            std::process::exit(2);
        })
    })
}

/// Threads of this process that printed so far (the main thread aside): the next one's ordinal.
static THREADS_SEEN: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    static SEEN: Cell<bool> = const { Cell::new(false) };
    static RANDOM: Cell<u64> = const { Cell::new(0) };
}

/// Called before every printed line (`msg`, without its prefix): how long the line must wait
/// first, in turn: a held line's wait, then, for a thread other than `main` that prints for the
/// first time (a worker starting), a straggler's. The caller waits them (watching the other
/// threads meanwhile, `trace::watch`), then calls [`jitter_line`].
pub(crate) fn waits_before_line(msg: &str) -> [Option<Duration>; 2] {
    let settings = settings();
    let held = hold::now(settings.hold.as_ref(), msg);
    let late = settings
        .straggler
        .filter(|_| !SEEN.replace(true) && std::thread::current().name() != Some("main"))
        .map(|straggler| {
            let seen = THREADS_SEEN.fetch_add(1, Ordering::Relaxed);
            let ordinal = std::thread::current()
                .name()
                .and_then(number)
                .unwrap_or(seen);
            straggler.delay(ordinal)
        });
    [held, late]
}

/// Called before every printed line, after its waits: the line's jitter.
pub(crate) fn jitter_line() {
    if settings().jitter.is_some() {
        pause(1, 3_000);
    }
}

/// The number a worker's name ends with (`worker 3`: 3): its place whatever order the workers
/// print in, so that `first` is the same worker on every run (a wrong program that joins only the
/// last thread is caught even when that thread happens to print first).
fn number(name: &str) -> Option<usize> {
    name.rsplit_once(' ')?.1.parse().ok()
}

/// Called by a child process before its target: how long the child started `ordinal`-th (0 for
/// the first) by its parent must wait if it is a straggler (the caller waits it, watching the
/// main process meanwhile). Its count of shared accesses starts at 0 (a forked child inherits
/// its parent's).
pub(crate) fn child_starts(ordinal: usize) -> Option<Duration> {
    THREADS_SEEN.store(0, Ordering::Relaxed);
    counts::start_afresh();
    settings()
        .straggler
        .map(|straggler| straggler.delay(ordinal))
}

/// Called at a shared-memory read or write, and at a proxy's call: counts it; and about one in
/// 256 pauses up to 0.2 ms, so that a read-then-write without a lock is interrupted by another
/// process on every run.
pub(crate) fn shared_access() {
    counts::shared_accessed();
    if settings().jitter.is_some() {
        pause(256, 200);
    }
}

/// With a chance of one in `one_in`, pauses up to `max_us` microseconds (a yield for 0).
fn pause(one_in: u64, max_us: u64) {
    let Some(seed) = settings().jitter else {
        return;
    };
    let next = RANDOM.with(|state| {
        let mut x = state.get();
        if x == 0 {
            // Reproducible per seed, different per process and thread.
            let thread = THREADS_SEEN.load(Ordering::Relaxed) as u64;
            x = seed ^ (u64::from(std::process::id()) << 20) ^ (thread << 48) ^ 0x9E37_79B9;
        }
        // xorshift64*
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        state.set(x);
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    });
    if next.is_multiple_of(one_in) {
        let us = (next >> 32) % (max_us + 1);
        if us == 0 {
            std::thread::yield_now();
        } else {
            std::thread::sleep(Duration::from_micros(us));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_worker_is_placed_by_the_number_its_name_ends_with() {
        assert_eq!(super::number("worker 3"), Some(3));
        assert_eq!(super::number("thread 0"), Some(0));
        assert_eq!(super::number("consumer"), None);
        assert_eq!(super::number("main"), None);
    }
}
