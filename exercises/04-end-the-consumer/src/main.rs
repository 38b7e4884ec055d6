//! 연습 04 — 생산자 셋, 소비자 하나: 소비자가 끝나게 하기 (노트 4. 큐)
//! Exercise 04 — three producers, one consumer that must end (notes 4, the queue)
//!
//! 할 일: `produce_and_consume(3, produce)`에서 생산자 스레드 셋이 `produce`로 다섯 개씩 보내고
//! 끝나면, 소비자도 끝나서 "consumer done: 15 messages"를 출력하고 받은 수를 돌려주게 하세요. 지금은
//! 프로그램이 끝나지 않습니다. 소비자의 `for`는 송신자가 모두 사라져야 끝납니다. 검사기는 이
//! 함수를 다른 수와 자기 `produce`로도 부릅니다. 그 메시지에는 생산자 스레드가 뽑은 번호가 붙어서,
//! 채널에서 받아야만 출력할 수 있습니다.
//! Task: in `produce_and_consume(3, produce)`, when the three producer threads have sent five
//! messages each with `produce` and ended, the consumer must end too, print "consumer done: 15
//! messages" and return how many it got. Today the program never ends: the consumer's `for` loop
//! ends only when every sender is gone. The checker also calls the function with other numbers and
//! its own `produce`, whose messages carry a number each producer thread draws: they can be
//! printed only by taking them off the channel.
//!
//! 확인 / Check: `cargo run -p practice -- check 04`

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
    // TODO: main이 아직 자기 송신자(sender)를 쥐고 있습니다.
    //       main still holds a sender of its own.
    for producer in threads {
        producer.join().expect("a producer panicked");
    }
    consumer.join().expect("the consumer panicked")
}

fn main() {
    produce_and_consume(3, produce);
}
