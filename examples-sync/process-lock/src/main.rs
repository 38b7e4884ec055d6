//! 공유 상태 — `multiprocessing.Value` and `get_lock()`: two processes count together.
//!
//! Run: `cargo run -p process-lock`
//! Notice: two processes each add 1 to a shared value 100,000 times as a read, then a write.
//! Without the lock they overwrite each other's updates (the count is short, by how much is
//! luck); holding `get_lock()` across the read and the write, the count is exact. The lock is a
//! futex in shared memory (`common::shm::Lock`), as glibc's process-shared mutex is.

use common::process::Process;
use common::say;
use common::shm::Value;

const TIMES: i32 = 100_000;

fn add(v: Value<i32>, ready: Value<i32>, with_lock: bool) {
    // Both start counting together (Python's twin uses a `Barrier(2)`): a fork is quick enough
    // that the first child could otherwise finish before the second begins.
    ready.fetch_add(1);
    while ready.get() < 2 {
        std::thread::yield_now();
    }
    for _ in 0..TIMES {
        if with_lock {
            let _guard = v.get_lock().acquire(); // `with v.get_lock():`
            v.set(v.get() + 1);
        } else {
            v.set(v.get() + 1); // `v.value += 1`: another process may write in between
        }
    }
}

/// Two processes run `add` on one shared value; the total.
fn count(with_lock: bool) -> i32 {
    let v = Value::new(0).expect("create the shared value");
    let ready = Value::new(0).expect("create the start line");
    let mut workers: Vec<Process> = (0..2)
        .map(|_| Process::target(add, (v.clone(), ready.clone(), with_lock)))
        .collect();
    for p in &mut workers {
        p.start().expect("start a process");
    }
    for p in &mut workers {
        p.join();
    }
    v.get()
}

fn main() {
    common::init(); // if __name__ == '__main__':
    say!("without the lock: {}", count(false));
    say!("with the lock: {}", count(true));
}
