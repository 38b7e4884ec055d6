//! Wrong: a fresh thread of the same name for each line: "thread i" starts, and another thread,
//! also named "thread i", prints its end once main has joined the first.

use common::{current_thread_name, say, sleep_secs};
use std::thread;

fn start() {
    say!("sub thread start  {}", current_thread_name());
}

fn end() {
    sleep_secs(3.0);
    say!("sub thread end  {}", current_thread_name());
}

fn main() {
    say!("main thread start");
    let starts: Vec<_> = (0..5)
        .map(|i| thread::Builder::new().name(format!("thread {i}")).spawn(start))
        .collect();
    for handle in starts {
        handle.expect("spawn").join().expect("a thread panicked");
    }
    say!("main thread end");
    let ends: Vec<_> = (0..5)
        .map(|i| thread::Builder::new().name(format!("thread {i}")).spawn(end))
        .collect();
    for handle in ends {
        handle.expect("spawn").join().expect("a thread panicked");
    }
}
