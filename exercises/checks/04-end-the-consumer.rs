//! 검사기가 연습 04의 `produce_and_consume(producers, produce)`를 자기 생산자 수와 자기
//! `produce`로 부릅니다. 생산자 스레드마다 보낼 개수(6에서 9)와 번호를 자기 스레드에서 뽑고,
//! 메시지마다 "put ..."을 출력한 뒤 보냅니다. 소비자는 채널에서 받아야만 그 메시지의 "got ..."을
//! 출력할 수 있고, 개수를 미리 알 수 없으니 채널이 닫힐 때 멈춰야 합니다. 첫 생산자는 마지막
//! 메시지를 송신자 복제본과 함께 심부름꾼 스레드("courier")에 넘기고 바로 끝나며, 심부름꾼은
//! 1~2초 쉰 뒤 보냅니다. 그래서 생산자를 모두 조인한 뒤 끝 표시를 보내는 소비자는 그 메시지를
//! 놓칩니다. 함수가 돌아오면 "produce_and_consume returned"를 출력합니다.
//!
//! The checker calls exercise 04's `produce_and_consume(producers, produce)` with its own number
//! of producers and its own `produce`: each producer thread draws how many it sends (6 to 9) and
//! a number, prints each message ("put ...") and sends it with that number. The consumer can
//! print that message's "got ..." line only by taking it off the channel, and cannot know the
//! count: it must stop when the channel closes. The first producer hands its last message, with
//! a clone of its sender, to a courier thread and ends at once; the courier rests 1 to 2 s, then
//! sends it. So a consumer told to stop by an end marker that main sends once it has joined the
//! producers misses that message. "produce_and_consume returned" is printed when the function
//! returns.

#[allow(dead_code)]
#[path = "../04-end-the-consumer/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::say;
use crossbeam_channel::Sender;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::Mutex;
use std::thread::JoinHandle;

/// 심부름꾼 스레드: 검사기의 main이 보고 전에 조인함(프로세스가 끝나며 죽지 않게).
/// The courier thread: the checker's main joins it before its report (so that it is not killed
/// as the process ends).
static COURIER: Mutex<Option<JoinHandle<()>>> = Mutex::new(None);

fn produce(q_put: Sender<String>, p: usize) {
    // 여기, 생산자 자신의 스레드에서 뽑음: 다른 스레드는 이 값을 알 수 없음.
    // Drawn here, on the producer's own thread: no other thread can know it.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    (p, common::trace::monotonic_ns()).hash(&mut hasher);
    let drawn = hasher.finish();
    // 6에서 9: 학습자 자신의 `produce`가 보내는 5는 절대 아님.
    // 6 to 9: never the 5 of the learner's own `produce`.
    let count = 6 + drawn % 4;
    for i in 0..count as u32 {
        let message = format!(
            "message {i} from producer {p} #{:016x}",
            drawn.rotate_left(i)
        );
        if p == 0 && i + 1 == count as u32 {
            // 첫 생산자의 마지막 메시지는 심부름꾼이 1~2초 뒤에 보냄: 생산자 스레드는 이미 끝났어도
            // 송신자 복제본이 살아 있으니 채널은 아직 열려 있음. 조용해지면 끝났다고 보는 소비자
            // (시간 제한 있는 recv)나, 생산자를 조인한 뒤 보낸 끝 표시에 멈추는 소비자는 이
            // 메시지를 놓침.
            // The first producer's last message goes by courier, 1 to 2 s later: the producer's
            // thread has ended, but a clone of its sender lives, so the channel is still open. A
            // consumer that takes silence for the end (a recv with a time limit), or stops at an
            // end marker sent once the producers are joined, misses it.
            let rest = std::time::Duration::from_millis(1_000 + (drawn >> 8) % 1_000);
            let courier = std::thread::Builder::new()
                .name("courier".into())
                .spawn(move || {
                    std::thread::sleep(rest);
                    say!("put {message}");
                    let _ = q_put.send(message);
                })
                .expect("spawn the courier");
            *COURIER.lock().expect("the courier's slot") = Some(courier);
            return;
        }
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
    if let Some(courier) = COURIER.lock().expect("the courier's slot").take() {
        courier.join().expect("the courier");
    }
    say!("{}", report(Found::Number(consumed as i64)));
}
