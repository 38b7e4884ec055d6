//! Wrong: `consume` prints the five lines and its end without taking anything off the queue.

use common::ipc::IpcReceiver;
use common::process::Process;
use common::{say, sleep_secs};
use std::thread;

/// The consumer thread's work: print each item it takes off `q`, then how many; return that.
pub fn consume(_q: IpcReceiver<String>) -> usize {
    for i in 0..5 {
        say!("got item {i}");
    }
    say!("consumer done: 5 items");
    5
}

fn main() {
    let (q_put, q) = common::ipc::channel::<String>().expect("a queue");
    let mut producer = Process::new(move || {
        for i in 0..5 {
            q_put.send(format!("item {i}")).expect("put");
            sleep_secs(0.2);
        }
    })
    .name("producer");
    producer.start().expect("start the producer");
    let consumer = thread::Builder::new()
        .name("consumer".into())
        .spawn(move || consume(q))
        .expect("spawn the consumer");
    consumer.join().expect("the consumer panicked");
    producer.join();
}
