//! 연습 04의 풀이 — main이 자신의 송신자(sender)를 drop합니다.
//!
//! Exercise 04, a solution: main drops its own sender.

use common::say;
use crossbeam_channel::Sender;
use std::thread;

/// 생산자 스레드가 하는 일: 메시지 다섯 개.
/// A producer thread's work: five messages.
fn produce(q_put: Sender<String>, p: usize) {
    for i in 0..5 {
        q_put
            .send(format!("message {i} from producer {p}"))
            .expect("put");
    }
}

/// 생산자 스레드 `producers`개가 `produce`를 돌리고, 소비자 스레드 하나가 메시지를 모두 출력합니다.
/// 받은 개수를 돌려줍니다.
/// `producers` threads run `produce`, one consumer thread prints every message; how many it got.
pub fn produce_and_consume(producers: usize, produce: fn(Sender<String>, usize)) -> usize {
    let (q_put, q) = crossbeam_channel::unbounded::<String>();
    let consumer = thread::spawn(move || {
        let mut count = 0;
        for message in q {
            say!("got {message}");
            count += 1;
        }
        say!("consumer done: {count} messages");
        count
    });
    let mut threads = Vec::new();
    for p in 0..producers {
        let q_put = q_put.clone();
        threads.push(thread::spawn(move || produce(q_put, p)));
    }
    drop(q_put); // 이제 송신자는 생산자의 것만 남음: 생산자가 모두 끝나면 채널이 닫힘 (the last senders are the producers': when they end, the channel closes)
    for producer in threads {
        producer.join().expect("a producer panicked");
    }
    consumer.join().expect("the consumer panicked")
}

fn main() {
    produce_and_consume(3, produce);
}
