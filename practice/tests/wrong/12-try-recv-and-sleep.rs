//! Wrong (from the third blind review): the consumer spins on `try_recv` with 20 ms sleeps in
//! between instead of waiting in `recv`.
//! Named: polling

use common::ipc::IpcReceiver;
use common::process::Process;
use common::{say, sleep_secs};
use std::thread;
use std::time::Duration;

pub fn consume(q: IpcReceiver<String>) -> usize {
    let mut count = 0;
    loop {
        match q.try_recv() {
            Ok(item) => {
                say!("got {item}");
                count += 1;
            }
            Err(e) => {
                if format!("{e:?}").contains("Empty") {
                    thread::sleep(Duration::from_millis(20));
                } else {
                    break;
                }
            }
        }
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
