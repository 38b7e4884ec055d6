//! The checker calls exercise 08's `ping_pong(rounds, answer)` with a number of rounds and an
//! `answer` of its own: the child draws a number, prints it, and puts it in every pong. A parent
//! that prints pongs it made up itself, or that talks to its child by any other way than the
//! pipe it handed it, prints other lines.

#[allow(dead_code)]
#[path = "../08-ping-pong/src/main.rs"]
mod learner;

use common::ipc::Connection;
use common::say;
use std::hash::{BuildHasher, Hash, Hasher};

fn answer(conn: Connection, rounds: u32) {
    // Drawn here, in the child, after it started: its parent cannot know it.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    (std::process::id(), common::trace::monotonic_ns()).hash(&mut hasher);
    let drawn = hasher.finish();
    say!("the checker's child signs with #{drawn:016x}");
    for _ in 0..rounds {
        let ping: String = conn.recv().expect("a ping");
        say!("child got {ping}");
        let pong = format!("{} #{drawn:016x}", ping.replace("ping", "pong"));
        conn.send(&pong).expect("answer");
    }
}

fn main() {
    common::init();
    let [rounds]: [u32; 1] = check_protocol::numbers();
    learner::ping_pong(rounds, answer);
}
