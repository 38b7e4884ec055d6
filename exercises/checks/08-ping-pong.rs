//! 검사기가 연습 08의 `ping_pong(rounds, answer)`를 자기 `answer`로 부릅니다. 그 자식은 수 하나를
//! 뽑아 출력하고 퐁마다 그 수를 붙입니다. 퐁을 스스로 지어낸 부모나 받은 파이프 말고 다른 길로 자식과
//! 말하는 부모는 다른 줄을 출력합니다. 그다음 배우는 사람의 `answer`를 검사기의 스레드에서 부르고, 번호를
//! 뽑은 핑(100~999)을 보내서 퐁마다 그 핑의 번호가 붙는지 봅니다(세어서 붙인 번호는 틀림).
//!
//! The checker calls exercise 08's `ping_pong(rounds, answer)` with a number of rounds and an
//! `answer` of its own: the child draws a number, prints it, and puts it in every pong. A parent
//! that prints pongs it made up itself, or that talks to its child by any other way than the
//! pipe it handed it, prints other lines. Then it calls the learner's `answer` on a thread of its
//! own with pings numbered 100 to 999, drawn, and sees whether each pong carries its ping's
//! number (a number counted rather than read is wrong).

#[allow(dead_code)]
#[path = "../08-ping-pong/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::ipc::Connection;
use common::say;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hash, Hasher};

fn answer(conn: Connection, rounds: u32) {
    // 여기, 자식이 시작한 뒤 자식 안에서 뽑음: 부모는 이 값을 알 수 없음.
    // Drawn here, in the child, after it started: its parent cannot know it.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    (std::process::id(), common::trace::monotonic_ns()).hash(&mut hasher);
    let drawn = hasher.finish();
    say!("the checker's child signs with #{drawn:016x}");
    for _ in 0..rounds {
        let ping: String = conn.recv().expect("a ping");
        say!("child got {ping}");
        let pong = format!("{} #{drawn:016x}", ping.replace("ping", "pong"));
        conn.send(&pong).expect("answer");
    }
}

/// 학습자의 `answer`를 "answer" 스레드에서 돌리고, 여기서 번호(100~999)를 뽑은 핑을 3~5개 줌.
/// 돌려주는 것: 받은 핑의 번호를 그대로 붙인 퐁의 수와, 보낸 퐁의 수.
/// The learner's `answer`, on a thread "answer", given 3 to 5 pings with numbers drawn here (100
/// to 999): how many of its pongs carried their ping's own number, and how many were sent.
fn echoed() -> Vec<i64> {
    let drawn = RandomState::new().hash_one(std::process::id());
    let numbers: Vec<u64> = (0..3 + drawn % 3)
        .map(|i| 100 + (drawn >> (8 * i)) % 900)
        .collect();
    let (mine, theirs) = common::ipc::pipe().expect("a pipe");
    let pings = numbers.len() as u32;
    let answering = std::thread::Builder::new()
        .name("answer".into())
        .spawn(move || learner::answer(theirs, pings))
        .expect("start the thread 'answer'");
    let mut right = 0;
    for n in &numbers {
        if mine.send(&format!("ping {n}")).is_err() {
            break;
        }
        match mine.recv::<String>() {
            Ok(pong) if pong == format!("pong {n}") => right += 1,
            Ok(_) => {}
            Err(_) => break,
        }
    }
    drop(mine);
    let _ = answering.join();
    vec![right, numbers.len() as i64]
}

fn main() {
    common::init();
    let [rounds]: [u32; 1] = check_protocol::numbers();
    learner::ping_pong(rounds, answer);
    say!("{}", report(Found::Numbers(echoed())));
}
