//! Both cores kept busy, for checks that must hold on a loaded machine.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// One spinning thread per core while any `BusyCores` of this process lives: two held at once
/// (two runs checked side by side, each with busy cores) share the same spinners, so the cores are
/// busy, not oversubscribed.
///
/// ```
/// let busy = harness::BusyCores::start();
/// let also = harness::BusyCores::start(); // the same spinners
/// drop(busy);
/// drop(also); // the spinners stop and are joined
/// ```
///
/// A process started by one that keeps the cores busy already (the practice tests run the
/// checker so) is told by `HARNESS_CORES_BUSY=1` in its environment, and starts no spinners of
/// its own: six checkers side by side would otherwise spin twelve threads on two cores.
#[derive(Debug)]
pub struct BusyCores {
    spinning: bool,
}

/// Set to `1` by a process that keeps the cores busy for the processes it starts.
pub const CORES_BUSY_ENV: &str = "HARNESS_CORES_BUSY";

/// The spinners, and how many `BusyCores` hold them.
struct Spinners {
    holders: usize,
    stop: Arc<AtomicBool>,
    threads: Vec<JoinHandle<()>>,
}

static SPINNERS: Mutex<Option<Spinners>> = Mutex::new(None);

impl BusyCores {
    /// Starts one spinning thread per core, unless they already spin.
    pub fn start() -> BusyCores {
        BusyCores::start_with(0)
    }

    /// The same, each spinner at `nice` (Linux keeps a nice value per thread), unless they
    /// already spin (then at the level they started with). For a test whose own jobs keep the
    /// cores busy most of the time (the practice suite: twelve checks side by side, a load
    /// average near 8 on two cores): at nice 10 a spinner weighs a tenth of a job's thread, so
    /// the cores never idle and each run is still preempted now and then, without the half of
    /// the CPU that spinners at nice 0 take from the jobs.
    pub fn start_niced(nice: i32) -> BusyCores {
        BusyCores::start_with(nice)
    }

    fn start_with(nice: i32) -> BusyCores {
        if std::env::var_os(CORES_BUSY_ENV).is_some_and(|v| v == "1") {
            return BusyCores { spinning: false };
        }
        let mut spinners = SPINNERS.lock().unwrap_or_else(|p| p.into_inner());
        match spinners.as_mut() {
            Some(running) => running.holders += 1,
            None => {
                let stop = Arc::new(AtomicBool::new(false));
                let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
                let threads = (0..cores)
                    .map(|_| {
                        let stop = Arc::clone(&stop);
                        std::thread::spawn(move || {
                            if nice != 0 {
                                // `None`: this thread (Linux's setpriority, PRIO_PROCESS 0).
                                rustix::process::setpriority_process(None, nice)
                                    .expect("lower a spinner's priority");
                            }
                            while !stop.load(Ordering::Relaxed) {
                                std::hint::spin_loop();
                            }
                        })
                    })
                    .collect();
                *spinners = Some(Spinners {
                    holders: 1,
                    stop,
                    threads,
                });
            }
        }
        BusyCores { spinning: true }
    }
}

impl Drop for BusyCores {
    fn drop(&mut self) {
        if !self.spinning {
            return;
        }
        let last = {
            let mut spinners = SPINNERS.lock().unwrap_or_else(|p| p.into_inner());
            let running = spinners.as_mut().expect("spinners while a BusyCores lives");
            running.holders -= 1;
            if running.holders == 0 {
                spinners.take()
            } else {
                None
            }
        };
        if let Some(last) = last {
            last.stop.store(true, Ordering::Relaxed);
            for spinner in last.threads {
                let _ = spinner.join();
            }
        }
    }
}
