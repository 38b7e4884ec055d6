//! 검사기가 연습 17의 `each_on_its_own(work, xs)`를 자기 `work`로 부릅니다. 일 하나는 panic하고
//! 하나는 작업 프로세스를 죽이며(어느 것인지는 검사기가 고름), 일마다 어디서 돌았는지 출력합니다.
//! 멀쩡한 일은 100ms(마지막 것은 1~1.5초) 걸리고 시작과 끝("task x starts", "task x ends")을 출력하며, 가장 먼저 시작한
//! 멀쩡한 일은 다른 일이 시작할 때까지 기다립니다(`meet.rs`): 반복문 안의 apply는 일을 하나씩
//! 돌립니다.
//!
//! The checker calls exercise 17's `each_on_its_own(work, xs)` with a `work` of its own: one
//! task panics and one crashes its worker, at places it picks; each task says where it ran. A
//! good task takes 100 ms (the last, 1 to 1.5 s) and prints its start and end ("task x starts", "task x ends"); the
//! first good task to start waits for another to start (`meet.rs`): apply in a loop runs the
//! tasks one by one.

#[allow(dead_code)]
#[path = "../17-keep-the-other-results/src/main.rs"]
mod learner;

use common::{current_process, say};
use std::time::Duration;

mod meet;

/// 패닉할 일과 작업 프로세스를 죽일 일: 작업 프로세스가 자기 명령줄에서 직접 셈(전역은 fork로
/// 시작한 작업 프로세스에만 닿음).
/// The task that panics and the one that crashes its worker, worked out by each worker from its
/// own command line (a global that main sets would reach only the workers a fork starts).
fn failing() -> (u64, u64) {
    let [_, panics, crashes]: [u64; 3] = check_protocol::numbers();
    ((panics + 1) * 7, (crashes + 1) * 7)
}

/// 느린 일: 실패하지 않는 일 가운데 마지막 것.
/// The slow task: the last of those that do not fail.
fn slow() -> u64 {
    let [tasks, _, _]: [u64; 3] = check_protocol::numbers();
    let (panics, crashes) = failing();
    (1..=tasks)
        .map(|i| i * 7)
        .filter(|&x| x != panics && x != crashes)
        .max()
        .unwrap_or(0)
}

fn work(x: u64) -> u64 {
    say!("work {x} in {}", current_process().name);
    let (panics, crashes) = failing();
    if x == panics {
        panic!("the checker's task {x} fails");
    }
    if x == crashes {
        std::process::abort();
    }
    say!("task {x} starts");
    let running = meet::running(x);
    if x == slow() {
        // 느린 일: 실제 시간 1~1.5초(실행마다 뽑음). 다른 일이 끝난 뒤로는 아무 일도 없으니,
        // 그동안 main 프로세스가 몇 번 잠드는지 검사기가 지켜봅니다.
        // The slow task: 1 to 1.5 s of real time (drawn per run). Once the others are done
        // nothing happens: the checker watches how often the main process sleeps meanwhile.
        let drawn =
            std::hash::BuildHasher::hash_one(&std::collections::hash_map::RandomState::new(), x);
        common::trace::watch_main(Duration::from_millis(1_000 + drawn % 501));
    } else {
        std::thread::sleep(Duration::from_millis(100));
    }
    drop(running);
    say!("task {x} ends");
    x * 10 + 1
}

fn main() {
    common::init();
    let args: [u64; 3] = check_protocol::numbers();
    let (tasks, panics, crashes) = (args[0], args[1], args[2]);
    let xs: Vec<u64> = (1..=tasks).map(|i| i * 7).collect();
    assert_eq!((xs[panics as usize], xs[crashes as usize]), failing());
    learner::each_on_its_own(work, &xs);
    meet::clean_up();
}
