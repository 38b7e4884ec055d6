// The Python habit: `t.join()` after the loop joins only the last `t`.
use common::{current_thread_name, say, sleep_secs};
use std::thread;
fn run() {
    say!("sub thread start  {}", current_thread_name());
    sleep_secs(3.0);
    say!("sub thread end  {}", current_thread_name());
}
fn main() {
    say!("main thread start");
    let mut t = None;
    for i in 0..5 {
        t = Some(thread::Builder::new().name(format!("thread {i}")).spawn(run).expect("spawn"));
    }
    say!("main thread end");
    t.expect("a thread").join().expect("join");
}
