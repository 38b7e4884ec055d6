//! Wrong (from the third blind review): main looks at `is_finished` every 150 ms until every
//! thread is done, in place of joining them: coarse enough to wake only a few times in a wait,
//! so it passed while only the wakes were counted; the quiet-spell rule catches it.
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
        threads.push(
            thread::Builder::new()
                .name(format!("thread {i}"))
                .spawn(run)
                .expect("spawn a thread"),
        );
    }
    say!("main thread end");
    while !threads.iter().all(|t| t.is_finished()) {
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
}
