//! Wrong: each side prints its lines without receiving anything, and the `answer` handed in is
//! never run.

use common::ipc::Connection;
use common::process::Process;
use common::{say, sleep_secs};

fn answer(_child_conn: Connection, _rounds: u32) {}

pub fn ping_pong(rounds: u32, _answer: impl Fn(Connection, u32) + Copy + 'static) {
    let mut child = Process::new(move || {
        for i in 0..rounds {
            say!("child got ping {i}");
            sleep_secs(0.2);
        }
    })
    .name("SubProcess");
    child.start().expect("start");
    sleep_secs(0.1);
    for i in 0..rounds {
        say!("parent got pong {i}");
        sleep_secs(0.2);
    }
    child.join();
}

fn main() {
    ping_pong(5, answer);
}
