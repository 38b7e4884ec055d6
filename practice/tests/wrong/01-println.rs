// The solution, written with println! in place of say!.
use common::{current_thread_name, sleep_secs};
use std::thread;
fn run() {
    println!("sub thread start  {}", current_thread_name());
    sleep_secs(3.0);
    println!("sub thread end  {}", current_thread_name());
}
fn main() {
    println!("main thread start");
    let threads: Vec<_> = (0..5)
        .map(|i| thread::Builder::new().name(format!("thread {i}")).spawn(run).expect("spawn"))
        .collect();
    println!("main thread end");
    for t in threads {
        t.join().expect("join");
    }
}
