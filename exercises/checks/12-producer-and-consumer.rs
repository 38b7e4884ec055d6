//! 검사기가 연습 12의 `consume(q)`를 "consumer"라는 스레드에서, 자기 생산자 프로세스의 큐로
//! 부릅니다. 생산자는 몇 개를 넣을지(적어도 `items`개, 최대 3개 더)와 물건마다 붙일 번호를
//! 자식 안에서 뽑고, 넣을 때마다 "put ..."을 출력합니다. `consume`은 큐에서 받아야만 그 물건의
//! "got ..."을 출력할 수 있고, 개수를 알 수 없으니 큐가 닫힐 때 멈춰야 합니다.
//!
//! The checker calls exercise 12's `consume(q)` on a thread named "consumer", with the queue of a
//! producer process of its own: the producer draws, in the child, how many it puts (`items` and
//! up to 3 more) and a number for each item, and prints each ("put ..."). `consume` can print an
//! item's "got ..." line only by taking it off the queue, and cannot know the count: it must stop
//! when the queue closes. Halfway the producer rests 1.6 to 2.6 s: a consumer that takes a
//! silence for the end stops too early.

#[allow(dead_code)]
#[path = "../12-producer-and-consumer/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::ipc::IpcSender;
use common::process::Process;
use common::{current_process, say};
use std::hash::{BuildHasher, Hash, Hasher};

fn produce(q: IpcSender<String>, items: u32) {
    // 여기, 자식이 시작한 뒤 자식 안에서 뽑음: 부모는 이 값을 알 수 없음.
    // Drawn here, in the child, after it started: its parent cannot know it.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    (current_process().pid, common::trace::monotonic_ns()).hash(&mut hasher);
    let drawn = hasher.finish();
    let rest_at = items / 2;
    for i in 0..items + (drawn % 4) as u32 {
        if i == rest_at {
            // 중간에 1.6~2.6초(실제 시간) 쉼: 그만큼 조용하면 끝으로 여기는 소비자는 나머지를 놓침.
            // 쉬는 동안 main 프로세스의 소비자 스레드가 몇 번 잠드는지 검사기가 지켜봅니다.
            // A rest of 1.6 to 2.6 s (real time) halfway: a consumer that takes that much
            // silence for the end misses the rest. Meanwhile the checker watches how often the
            // main process's consumer thread sleeps.
            common::trace::watch_main(std::time::Duration::from_millis(
                1_600 + (drawn >> 8) % 1_001,
            ));
        }
        let item = format!("item {i} #{:016x}", drawn.rotate_left(i));
        say!("put {item}");
        if q.send(item).is_err() {
            // 소비자가 큐를 버리고 먼저 끝남: 검사기가 그 사실을 보고함(패닉 아님).
            // The consumer dropped the queue and left early: the check reports it, no panic.
            return;
        }
        // 튜토리얼의 빨라진 sleep이 아니라 실제 시간: 물건 사이에 계속 확인하는 소비자는 여러 번
        // 깨어나고, `recv`에서 잠든 소비자는 한 번 깨어남.
        // Real time, not the tutorial's sped-up sleep: a consumer that polls between items
        // wakes many times; one asleep in `recv` once.
        std::thread::sleep(std::time::Duration::from_millis(
            60 + (drawn >> (i % 32)) % 61,
        ));
    }
}

fn main() {
    common::init();
    let [items]: [u32; 1] = check_protocol::numbers();
    let (q_put, q) = common::ipc::channel::<String>().expect("a queue");
    let mut producer = Process::target(produce, (q_put, items)).name("producer");
    producer.start().expect("start the producer");
    let consumer = std::thread::Builder::new()
        .name("consumer".into())
        .spawn(move || learner::consume(q))
        .expect("spawn the consumer");
    let got = consumer.join().expect("the consumer panicked");
    producer.join();
    say!("{}", report(Found::Number(got as i64)));
}
