// Each side prints its lines without receiving anything.
use common::process::Process;
use common::{say, sleep_secs};
fn main() {
    let mut child = Process::new(|| {
        for i in 0..5 {
            say!("child got ping {i}");
            sleep_secs(0.2);
        }
    })
    .name("SubProcess");
    child.start().expect("start");
    sleep_secs(0.1);
    for i in 0..5 {
        say!("parent got pong {i}");
        sleep_secs(0.2);
    }
    child.join();
}
