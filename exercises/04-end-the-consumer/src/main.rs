//! 연습 04 — 생산자 셋, 소비자 하나: 소비자가 끝나게 하기 (노트 4. 큐)
//! Exercise 04 — three producers, one consumer that must end (notes 4, the queue)
//!
//! 할 일: 생산자 스레드 셋이 다섯 개씩 보내고 끝나면, 소비자도 끝나서 "consumer done: 15 messages"를
//! 찍게 하세요. 지금은 프로그램이 끝나지 않습니다. 소비자의 `for`는 보내는 쪽이 모두 사라져야 끝납니다.
//! Task: when the three producer threads have sent five messages each and ended, the consumer
//! must end too and print "consumer done: 15 messages". Today the program never ends: the
//! consumer's `for` loop ends only when every sender is gone.
//!
//! 확인 / check: `cargo run -p practice -- check 04`

use common::say;
use std::thread;

fn main() {
    let (q_put, q) = crossbeam_channel::unbounded::<String>();
    let consumer = thread::spawn(move || {
        let mut count = 0;
        for message in q {
            say!("got {message}");
            count += 1;
        }
        say!("consumer done: {count} messages");
    });
    let mut producers = Vec::new();
    for p in 0..3 {
        let q_put = q_put.clone();
        producers.push(thread::spawn(move || {
            for i in 0..5 {
                q_put.send(format!("message {i} from producer {p}")).expect("put");
            }
        }));
    }
    for producer in producers {
        producer.join().expect("a producer panicked");
    }
    // TODO: main still holds a sender of its own.
    consumer.join().expect("the consumer panicked");
}
