//! Wrong (from the blind review): main looks at `is_finished()` every 10 ms until every thread
//! is done, and never joins: a poll in place of the wait taught.
//! Named: is not waiting

use common::{current_thread_name, say, sleep_secs};
use std::thread;

fn run() {
    say!("sub thread start  {}", current_thread_name());
    sleep_secs(3.0);
    say!("sub thread end  {}", current_thread_name());
}

fn main() {
    say!("main thread start");
    let mut threads = Vec::new();
    for i in 0..5 {
        let handle = thread::Builder::new()
            .name(format!("thread {i}"))
            .spawn(run)
            .expect("spawn a thread");
        threads.push(handle);
    }
    say!("main thread end");
    while threads.iter().any(|t| !t.is_finished()) {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}
