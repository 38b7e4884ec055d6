//! The checker calls exercise 12's `consume(q)` on a thread named "consumer", with the queue of a
//! producer process of its own: each item carries a number the producer draws, which it also
//! prints ("put ..."). `consume` can print that item's "got ..." line only by taking it off the
//! queue.

#[allow(dead_code)]
#[path = "../12-producer-and-consumer/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::ipc::IpcSender;
use common::process::Process;
use common::{current_process, say, sleep_secs};
use std::hash::{BuildHasher, Hash, Hasher};

fn produce(q: IpcSender<String>, items: u32) {
    // Drawn here, in the child, after it started: its parent cannot know it.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    (current_process().pid, common::trace::monotonic_ns()).hash(&mut hasher);
    let drawn = hasher.finish();
    for i in 0..items {
        let item = format!("item {i} #{:016x}", drawn.rotate_left(i));
        say!("put {item}");
        q.send(item).expect("put");
        sleep_secs(0.2);
    }
}

fn main() {
    common::init();
    let [items]: [u32; 1] = check_protocol::numbers();
    let (q_put, q) = common::ipc::channel::<String>().expect("a queue");
    let mut producer = Process::target(produce, (q_put, items)).name("producer");
    producer.start().expect("start the producer");
    let consumer = std::thread::Builder::new()
        .name("consumer".into())
        .spawn(move || learner::consume(q))
        .expect("spawn the consumer");
    let got = consumer.join().expect("the consumer panicked");
    producer.join();
    say!("{}", report(Found::Number(got as i64)));
}
