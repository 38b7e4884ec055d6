//! The checker calls exercise 04's `produce_and_consume(producers, produce)` with its own number
//! of producers and its own `produce`: each producer thread draws a number, prints each message
//! ("put ...") and sends it with that number. The consumer can print that message's "got ..."
//! line only by taking it off the channel.

#[allow(dead_code)]
#[path = "../04-end-the-consumer/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::say;
use crossbeam_channel::Sender;
use std::hash::{BuildHasher, Hash, Hasher};

fn produce(q_put: Sender<String>, p: usize) {
    // Drawn here, on the producer's own thread: no other thread can know it.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    (p, common::trace::monotonic_ns()).hash(&mut hasher);
    let drawn = hasher.finish();
    for i in 0..5 {
        let message = format!(
            "message {i} from producer {p} #{:016x}",
            drawn.rotate_left(i)
        );
        say!("put {message}");
        q_put.send(message).expect("put");
    }
}

fn main() {
    let [producers]: [usize; 1] = check_protocol::numbers();
    let consumed = learner::produce_and_consume(producers, produce);
    say!("{}", report(Found::Number(consumed as i64)));
}
