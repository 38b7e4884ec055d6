//! Wrong: the Python habit of `t.start(); t.join()` in one loop, after main's last line: every
//! thread is joined before the next starts, so no two ever run together (the learner's trial).
//! Named: never ran at the same time

use common::{current_thread_name, say, sleep_secs};
use std::thread;

fn run() {
    say!("sub thread start  {}", current_thread_name());
    sleep_secs(3.0);
    say!("sub thread end  {}", current_thread_name());
}

fn main() {
    say!("main thread start");
    say!("main thread end");
    for i in 0..5 {
        thread::Builder::new()
            .name(format!("thread {i}"))
            .spawn(run)
            .expect("spawn a thread")
            .join()
            .expect("a thread panicked");
    }
}
