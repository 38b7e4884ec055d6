//! 검사기가 연습 18의 `drain(producers, items, produce)`를 자기 수와 자기 `produce`로 부릅니다.
//! 물건마다 자식이 뽑은 번호가 붙고, 자식은 그것을 출력합니다("put ..."). main은 큐에서 꺼내야만 그
//! 물건의 "got ..."을 출력할 수 있습니다. 물건이 수백 개라 큐의 버퍼를 채우므로, 생산자는 main이 몇
//! 개를 꺼낼 때까지 `put`에서 기다립니다. 그래서 큐를 비우기 전에 생산자를 조인하는 main은 영원히
//! 기다립니다. 또 생산자들이 물건을 반쯤 넣은 뒤 모두 모여 함께 1.5~2.5초 쉬므로, 한동안
//! 조용하면 끝났다고 보는 main(시간 제한 있는 recv)은 나머지를 놓칩니다.
//!
//! The checker calls exercise 18's `drain(producers, items, produce)` with its own numbers and its
//! own `produce`: each item carries a number drawn in the child, which the child also prints ("put
//! ..."). Main can print that item's "got ..." line only by taking it off the queue. It is called
//! with hundreds of items, which fill the queue's buffer: a producer waits in `put` until main
//! takes some off, so a main that joins its producers before it drains the queue waits forever.
//! And the producers, once all are halfway, rest 1.5 to 2.5 s together: a main that takes a
//! spell of silence for the end (a recv with a time limit) misses the rest.

#[allow(dead_code)]
#[path = "../18-drain-the-queue/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::ipc::IpcSender;
use common::{current_process, say, sleep_secs};
use std::hash::{BuildHasher, Hash, Hasher};

mod meet;

fn produce(q: IpcSender<String>, items: u32) {
    let me = current_process();
    // 여기, 자식이 시작한 뒤 자식 안에서 뽑음: 부모는 이 값을 알 수 없음.
    // Drawn here, in the child, after it started: its parent cannot know it.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    (me.pid, common::trace::monotonic_ns()).hash(&mut hasher);
    let drawn = hasher.finish();
    sleep_secs(0.1);
    // `items`보다 1~3개 더: 몇 개인지는 이 자식만 앎. 적어도 하나는 더 넣으므로 생산자 수 × `items`를
    // 세는 프로그램은 늘 틀림(0~3개였을 때는 모두 0을 뽑으면 맞아서 가끔 통과함). 물건 사이에
    // 쉬지 않으므로 큐의 버퍼가 담을 수 있는 것보다 빨리 옴.
    // One to three more than `items`: only this child knows how many. At least one more, so a
    // program that counts producers × `items` is always wrong (with 0 to 3 more it passed a
    // check when every producer drew 0: seen in CI). No sleep between items: they come faster
    // than a queue's buffer holds them.
    let rest_at = items / 2;
    for i in 0..items + 1 + (drawn % 3) as u32 {
        if i == rest_at {
            // 반쯤에서 생산자가 모두 올 때까지 기다렸다가, 함께 1.5~2.5초 쉼(실제 시간): 조용해지면
            // 끝났다고 보는 main은 나머지를 놓침. 쉬는 동안 main 프로세스가 몇 번 잠드는지
            // 검사기가 지켜봅니다.
            // Halfway, every producer waits for the others, then they rest 1.5 to 2.5 s together
            // (real time): a main that takes silence for the end misses the rest. Meanwhile the
            // checker watches how often the main process sleeps.
            let [producers, _]: [u32; 2] = check_protocol::numbers();
            meet::all_here("halfway", producers as usize);
            let rest = std::time::Duration::from_millis(1_500 + (drawn >> 8) % 1_000);
            common::trace::watch_main(rest);
        }
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
    meet::clean_up();
    say!("{}", report(Found::Number(drained as i64)));
}
