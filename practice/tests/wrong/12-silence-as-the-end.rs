//! 잘못된 풀이(두 번째 블라인드 리뷰): 1.5초 동안 아무것도 오지 않으면 끝으로 여깁니다. 큐가 닫히기를 기다리지 않습니다.
//! Wrong (from the second blind review): 1.5 s without an item is taken for the end: the
//! consumer does not wait for the queue to close.
//! Named: never printed

use common::ipc::IpcReceiver;
use common::process::Process;
use common::{say, sleep_secs};
use std::thread;
use std::time::Duration;

pub fn consume(q: IpcReceiver<String>) -> usize {
    let mut count = 0;
    while let Ok(item) = q.try_recv_timeout(Duration::from_millis(1500)) {
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
