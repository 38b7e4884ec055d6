//! Both cores kept busy, for checks that must hold on a loaded machine.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;

/// One spinning thread per core until dropped.
///
/// ```
/// let busy = harness::BusyCores::start();
/// drop(busy); // the spinners stop and are joined
/// ```
#[derive(Debug)]
pub struct BusyCores {
    stop: Arc<AtomicBool>,
    spinners: Vec<JoinHandle<()>>,
}

impl BusyCores {
    /// Starts one spinning thread per core.
    pub fn start() -> BusyCores {
        let stop = Arc::new(AtomicBool::new(false));
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let spinners = (0..cores)
            .map(|_| {
                let stop = Arc::clone(&stop);
                std::thread::spawn(move || {
                    while !stop.load(Ordering::Relaxed) {
                        std::hint::spin_loop();
                    }
                })
            })
            .collect();
        BusyCores { stop, spinners }
    }
}

impl Drop for BusyCores {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        for spinner in self.spinners.drain(..) {
            let _ = spinner.join();
        }
    }
}
