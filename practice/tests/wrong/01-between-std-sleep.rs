// A fixed sleep between the two: too long for the first run (main outlives its threads by more
// than the margin), and still too short for the second (whose first thread starts 1.1 s late).
use common::{current_thread_name, say, sleep_secs};
use std::thread;
use std::time::Duration;
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
    thread::sleep(Duration::from_millis(1000));
}
