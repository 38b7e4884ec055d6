//! Who called the checker's function, for the checks of exercises 03 and 22: each thread's count
//! of calls, so that a total worked out on the calling thread (the other threads idle) shows.

use check_protocol::Found;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, ThreadId};

/// Every thread that called, with its count, registered at its first call.
static CALLERS: Mutex<Vec<(ThreadId, Arc<AtomicU64>)>> = Mutex::new(Vec::new());

thread_local! {
    static MINE: Arc<AtomicU64> = {
        let mine = Arc::new(AtomicU64::new(0));
        let me = (thread::current().id(), Arc::clone(&mine));
        CALLERS.lock().expect("the callers").push(me);
        mine
    };
}

/// Counts one call, on the thread that makes it.
pub fn count() {
    MINE.with(|mine| mine.fetch_add(1, Ordering::Relaxed));
}

/// `total`, with the counts of the threads other than this one, largest first, and this one's.
/// Call it after the learner's function returned: its threads were joined, their counts are all in.
pub fn found(total: u64) -> Found {
    let caller = thread::current().id();
    let callers = CALLERS.lock().expect("the callers");
    let count = |(_, n): &(ThreadId, Arc<AtomicU64>)| n.load(Ordering::Relaxed);
    let mut others: Vec<u64> = callers
        .iter()
        .filter(|c| c.0 != caller)
        .map(count)
        .collect();
    others.sort_unstable_by(|a, b| b.cmp(a));
    let by_caller: u64 = callers.iter().filter(|c| c.0 == caller).map(count).sum();
    Found::Added {
        total: total as i64,
        by_others: others,
        by_caller,
    }
}
