//! 연습 12의 풀이 — 소비자는 `recv`에서 기다리고, 생산자(유일한 보내는 쪽)가 끝나면 `recv`가
//! 실패해서 끝납니다.
//!
//! Exercise 12, a solution: the consumer blocks in `recv`, which fails once the
//! producer (the only sender) has ended.

use common::ipc::IpcReceiver;
use common::process::Process;
use common::{say, sleep_secs};
use std::thread;

/// 소비자 스레드가 하는 일: `q`에서 꺼낸 물건을 하나씩 출력하고, 끝에 개수를 출력해 돌려줍니다.
/// The consumer thread's work: print each item it takes off `q`, then how many; return that.
pub fn consume(q: IpcReceiver<String>) -> usize {
    let mut count = 0;
    while let Ok(item) = q.recv() {
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
