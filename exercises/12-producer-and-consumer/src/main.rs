//! 연습 12 — 창 없는 노트의 GUI 구조: 생산자 프로세스와 소비자 스레드 (노트 5. 멀티프로세싱과 PyQt)
//! Exercise 12 — the notes' GUI pattern without the window: a producer process, a consumer thread
//! (notes 5, multiprocessing and PyQt)
//!
//! 할 일: 생산자 프로세스가 다섯 개를 큐에 넣고 끝나면, 소비자 스레드도 끝나서 "consumer done: 5 items"가
//! 찍히게 하세요. 지금 소비자는 노트처럼 큐가 비었는지 계속 확인하며 돌기 때문에 영원히 끝나지 않습니다.
//! Task: when the producer process has put five items and ended, the consumer thread must end too
//! and print "consumer done: 5 items". Today the consumer spins checking the queue, as the notes'
//! does, and never ends.
//!
//! 확인 / check: `cargo run -p practice -- check 12`

use common::process::Process;
use common::{say, sleep_secs};
use std::thread;

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
        .spawn(move || {
            let mut count = 0;
            loop {
                // TODO: this never ends. A `recv` that fails means every sender is gone.
                if let Ok(item) = q.try_recv() {
                    say!("got {item}");
                    count += 1;
                }
            }
            #[allow(unreachable_code)]
            {
                say!("consumer done: {count} items");
            }
        })
        .expect("spawn the consumer");
    consumer.join().expect("the consumer panicked");
    producer.join();
}
