//! 검사기가 연습 04의 `produce_and_consume(producers, produce)`를 자기 생산자 수와 자기
//! `produce`로 부릅니다. 생산자 스레드마다 보낼 개수(6에서 9)와 번호를 자기 스레드에서 뽑고,
//! 메시지마다 "put ..."을 찍은 뒤 보냅니다. 소비자는 채널에서 받아야만 그 메시지의 "got ..."을
//! 찍을 수 있고, 개수를 미리 알 수 없으니 채널이 닫힐 때 멈춰야 합니다. 첫 생산자는 마지막 메시지
//! 전에 1~2초 쉬고, 함수가 돌아오면 "produce_and_consume returned"를 찍습니다.
//!
//! The checker calls exercise 04's `produce_and_consume(producers, produce)` with its own number
//! of producers and its own `produce`: each producer thread draws how many it sends (6 to 9) and
//! a number, prints each message ("put ...") and sends it with that number. The consumer can
//! print that message's "got ..." line only by taking it off the channel, and cannot know the
//! count: it must stop when the channel closes. The first producer rests 1 to 2 s before its
//! last message, and "produce_and_consume returned" is printed when the function returns.

#[allow(dead_code)]
#[path = "../04-end-the-consumer/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::say;
use crossbeam_channel::Sender;
use std::hash::{BuildHasher, Hash, Hasher};

fn produce(q_put: Sender<String>, p: usize) {
    // Drawn here, on the producer's own thread: no other thread can know it.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    (p, common::trace::monotonic_ns()).hash(&mut hasher);
    let drawn = hasher.finish();
    // 6에서 9: 학습자 자신의 `produce`가 보내는 5는 절대 아님.
    // 6 to 9: never the 5 of the learner's own `produce`.
    let count = 6 + drawn % 4;
    for i in 0..count as u32 {
        if p == 0 && i + 1 == count as u32 {
            // 첫 생산자는 마지막 메시지 전에 1~2초 쉼: 조용해지면 끝났다고 보는 소비자(시간 제한
            // 있는 recv)는 그 메시지를 놓치거나, 채널이 닫힌 뒤에도 한참 기다림.
            // The first producer rests 1 to 2 s before its last message: a consumer that takes
            // silence for the end (a recv with a time limit) misses it, or waits long after the
            // channel closed.
            std::thread::sleep(std::time::Duration::from_millis(
                1_000 + (drawn >> 8) % 1_000,
            ));
        }
        let message = format!(
            "message {i} from producer {p} #{:016x}",
            drawn.rotate_left(i)
        );
        say!("put {message}");
        if q_put.send(message).is_err() {
            // 소비자가 받는 쪽을 버리고 먼저 끝남: 검사기가 그 사실을 보고함(패닉 아님).
            // The consumer dropped its end and left early: the check reports it, no panic.
            return;
        }
    }
}

fn main() {
    let [producers]: [usize; 1] = check_protocol::numbers();
    let consumed = learner::produce_and_consume(producers, produce);
    say!("produce_and_consume returned");
    say!("{}", report(Found::Number(consumed as i64)));
}
