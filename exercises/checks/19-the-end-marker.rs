//! The checker calls exercise 19's `square_over_a_pipe(jobs, serve)` with jobs and a `serve` of
//! its own: the child draws a number, prints it, and answers each job with its square times that
//! number. A parent that prints squares it worked out itself prints other numbers.

#[allow(dead_code)]
#[path = "../19-the-end-marker/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::ipc::Connection;
use common::say;
use std::hash::{BuildHasher, Hash, Hasher};

fn serve(conn: Connection) {
    // Drawn here, in the child, after it started: its parent cannot know it.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    (std::process::id(), common::trace::monotonic_ns()).hash(&mut hasher);
    let by = 2 + hasher.finish() % 998;
    say!("the checker's child multiplies by {by}");
    let mut total = 0;
    while let Some(x) = conn.recv::<Option<u64>>().expect("a message") {
        say!("child squared {x}");
        total += x * x * by;
        conn.send(&(x * x * by)).expect("answer");
    }
    say!("child: total {total}");
    conn.send(&total).expect("answer with the total");
}

fn main() {
    common::init();
    let args: [u64; 2] = check_protocol::numbers();
    let jobs: Vec<u64> = (0..args[0]).map(|i| args[1] + i * 7).collect();
    let total = learner::square_over_a_pipe(&jobs, serve);
    say!("{}", report(Found::Number(total as i64)));
}
