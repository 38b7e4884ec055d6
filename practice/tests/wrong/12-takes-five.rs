//! Wrong: the consumer takes exactly five items and stops (the blind review's habit: the count
//! follows from the producer's loop), rather than stopping when the queue closes.
//! Named: Do not count: stop when the queue closes

use common::ipc::IpcReceiver;
use common::process::Process;
use common::{say, sleep_secs};
use std::thread;

pub fn consume(q: IpcReceiver<String>) -> usize {
    let mut count = 0;
    for _ in 0..5 {
        let Ok(item) = q.recv() else { break };
        say!("got {item}");
        count += 1;
    }
    say!("consumer done: {count} items");
    count
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
