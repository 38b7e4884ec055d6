//! Threads stopped on purpose, at moments nobody chose: what a loaded machine does now and then,
//! done often. A checker's call of an exercise runs under it, so that a lock order that can
//! deadlock does so within the run, and not once in a hundred runs.

use nix::libc;
use nix::sys::signal::{SaFlags, SigAction, SigHandler, SigSet, Signal, sigaction};
use nix::sys::time::TimeSpec;
use nix::time::{ClockId, ClockNanosleepFlags, clock_nanosleep};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long an interrupted thread stops, in nanoseconds (read by the signal handler).
static PAUSE_NS: AtomicU64 = AtomicU64::new(0);

extern "C" fn stop_a_moment(_: libc::c_int) {
    let pause = Duration::from_nanos(PAUSE_NS.load(Ordering::Relaxed));
    let _ = clock_nanosleep(
        ClockId::CLOCK_MONOTONIC,
        ClockNanosleepFlags::empty(),
        &TimeSpec::from_duration(pause),
    );
}

/// While it lives, every `every` one running thread of this process (picked at random, the
/// interrupter's own aside; threads asleep are waiting already) stops for `pause` wherever it
/// is: between two locks too. Dropping it ends the interruptions.
///
/// ```
/// use common::perturb::interrupt_threads;
/// use std::time::Duration;
/// let interrupter = interrupt_threads(Duration::from_micros(200), Duration::from_micros(300));
/// let worker = std::thread::spawn(|| (0..1_000_000u64).sum::<u64>());
/// assert_eq!(worker.join().unwrap(), 499_999_500_000);
/// assert!(interrupter.count() > 0);
/// interrupter.stop();
/// ```
pub fn interrupt_threads(every: Duration, pause: Duration) -> Interrupter {
    PAUSE_NS.store(pause.as_nanos() as u64, Ordering::Relaxed);
    let action = SigAction::new(
        SigHandler::Handler(stop_a_moment),
        SaFlags::SA_RESTART,
        SigSet::empty(),
    );
    // SAFETY: the handler reads an atomic and calls `clock_nanosleep`, both async-signal-safe;
    // with SA_RESTART the calls it interrupts go on (a lock's futex wait, a read) or return
    // early where that is allowed (a condition variable's wait).
    unsafe { sigaction(Signal::SIGUSR2, &action) }.expect("install the SIGUSR2 handler");
    let shared = Arc::new(Shared::default());
    let thread = std::thread::Builder::new()
        .name("interrupter".into())
        .spawn({
            let shared = Arc::clone(&shared);
            move || interrupt_until(&shared, every)
        })
        .expect("spawn the interrupter");
    Interrupter {
        shared,
        thread: Some(thread),
    }
}

#[derive(Debug, Default)]
struct Shared {
    stop: AtomicBool,
    /// Interruptions so far.
    sent: AtomicU64,
}

/// The interruptions; [`Interrupter::stop`] or dropping it ends them.
#[derive(Debug)]
pub struct Interrupter {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl Interrupter {
    /// How many interruptions there were so far.
    pub fn count(&self) -> u64 {
        self.shared.sent.load(Ordering::SeqCst)
    }

    /// Ends the interruptions.
    pub fn stop(mut self) {
        self.end();
    }

    fn end(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Interrupter {
    fn drop(&mut self) {
        self.end();
    }
}

/// The threads of this process that are running or ready to run (`R` in
/// `/proc/self/task/<tid>/stat`), `me` aside: a thread asleep on a lock is waiting already, so
/// stopping it changes nothing; one that runs may be between two locks.
fn running_threads(me: libc::pid_t) -> Vec<libc::pid_t> {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return Vec::new();
    };
    tasks
        .flatten()
        .filter_map(|task| {
            let tid: libc::pid_t = task.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(task.path().join("stat")).ok()?;
            // "tid (name) S ...": the state follows the last ')', as a name may hold one.
            let state = stat.rsplit_once(')')?.1.trim_start().chars().next()?;
            (tid != me && state == 'R').then_some(tid)
        })
        .collect()
}

fn interrupt_until(shared: &Shared, every: Duration) {
    let pid = std::process::id() as libc::pid_t;
    let me = nix::unistd::gettid().as_raw();
    let mut random: u64 = 0x2545_F491_4F6C_DD1D ^ u64::from(pid as u32);
    while !shared.stop.load(Ordering::SeqCst) {
        std::thread::sleep(every);
        let threads = running_threads(me);
        if threads.is_empty() {
            continue;
        }
        random ^= random << 13;
        random ^= random >> 7;
        random ^= random << 17;
        let tid = threads[random as usize % threads.len()];
        // SAFETY: `tgkill` with this process's own PID reaches only a thread of this process
        // (one that has ended since the listing makes it fail with ESRCH, harmlessly); the
        // signal's handler is installed above.
        if unsafe { libc::syscall(libc::SYS_tgkill, pid, tid, libc::SIGUSR2) } == 0 {
            shared.sent.fetch_add(1, Ordering::SeqCst);
        }
    }
}
