// The Python habit: sleep long enough instead of joining.
use common::{current_thread_name, say, sleep_secs};
use std::thread;
fn run() {
    say!("sub thread start  {}", current_thread_name());
    sleep_secs(3.0);
    say!("sub thread end  {}", current_thread_name());
}
fn main() {
    say!("main thread start");
    for i in 0..5 {
        thread::Builder::new().name(format!("thread {i}")).spawn(run).expect("spawn");
    }
    say!("main thread end");
    sleep_secs(4.0);
}
