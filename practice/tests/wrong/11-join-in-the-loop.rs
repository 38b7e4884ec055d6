//! Wrong (from the second blind review): each philosopher's thread joined in the loop that
//! starts it: no fork is ever contended, so nothing can deadlock, and nobody dines together.
//! Named: never ran at the same time

use common::say;
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

/// `philosophers` around as many forks, each a thread that eats `meals` times.
pub fn dine(philosophers: usize, meals: usize) {
    let forks: Vec<Mutex<()>> = (0..philosophers).map(|_| Mutex::new(())).collect();
    let holding = (Mutex::new(0), Condvar::new());
    thread::scope(|scope| {
        for p in 0..philosophers {
            let (forks, holding) = (&forks, &holding);
            // Start one philosopher and wait for it before the next: nobody waits in a circle.
            let _ = scope.spawn(move || {
                let (left, right) = (p, (p + 1) % philosophers);
                // TODO: with every philosopher taking the left fork first, all can wait forever.
                let (first, second) = (left, right);
                for meal in 0..meals {
                    let _first = forks[first].lock().expect("a fork");
                    if meal == 0 {
                        at_the_table(holding, philosophers);
                    }
                    let _second = forks[second].lock().expect("a fork");
                    say!("philosopher {p} eats");
                }
                say!("philosopher {p} ate {meals} times");
            })
            .join();
        }
    });
}

fn main() {
    dine(5, 3);
    say!("all philosophers ate");
}

/// Waits until all hold their first fork, or 200 ms: it lines up the deadlock, if there is one
/// to line up.
fn at_the_table(holding: &(Mutex<usize>, Condvar), philosophers: usize) {
    let (count, all_there) = holding;
    let mut count = count.lock().expect("count");
    *count += 1;
    all_there.notify_all();
    let _ = all_there
        .wait_timeout_while(count, Duration::from_millis(200), |n| *n < philosophers)
        .expect("wait");
}
