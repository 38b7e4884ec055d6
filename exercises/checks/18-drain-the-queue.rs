//! The checker calls exercise 18's `drain(producers, items, produce)` with its own numbers and its
//! own `produce`: each item carries a number drawn in the child, which the child also prints ("put
//! ..."). Main can print that item's "got ..." line only by taking it off the queue. It is called
//! with hundreds of items, which fill the queue's buffer: a producer waits in `put` until main
//! takes some off, so a main that joins its producers before it drains the queue waits forever.

#[allow(dead_code)]
#[path = "../18-drain-the-queue/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::ipc::IpcSender;
use common::{current_process, say, sleep_secs};
use std::hash::{BuildHasher, Hash, Hasher};

fn produce(q: IpcSender<String>, items: u32) {
    let me = current_process();
    // Drawn here, in the child, after it started: its parent cannot know it.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    (me.pid, common::trace::monotonic_ns()).hash(&mut hasher);
    let drawn = hasher.finish();
    sleep_secs(0.1);
    // 적어도 `items`개, 최대 3개 더: 몇 개인지는 이 자식만 앎. 물건 사이에 쉬지 않으므로 큐의
    // 버퍼가 담을 수 있는 것보다 빨리 옴.
    // At least `items`, up to 3 more: only this child knows how many. No sleep between items:
    // they come faster than a queue's buffer holds them.
    for i in 0..items + (drawn % 4) as u32 {
        let item = format!(
            "item {i} from {} (pid {}) #{:016x}",
            me.name,
            me.pid,
            drawn.rotate_left(i)
        );
        say!("put {item}");
        if q.send(item).is_err() {
            // main이 큐를 버리고 먼저 끝남: 검사기가 그 사실을 보고함(패닉 아님).
            // main dropped the queue and left early: the check reports it, no panic.
            return;
        }
    }
}

fn main() {
    common::init();
    let args: [u32; 2] = check_protocol::numbers();
    let drained = learner::drain(args[0] as usize, args[1], produce);
    say!("{}", report(Found::Number(drained as i64)));
}
