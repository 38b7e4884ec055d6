//! 연습 18의 풀이 — main이 자신의 송신자를 drop하고 `recv`로 받습니다. `recv`는 다음 항목을
//! 기다리고, 보내는 쪽(생산자마다 하나)이 모두 사라져야만 실패합니다.
//!
//! Exercise 18, a solution: main drops its own sender and takes items with `recv`,
//! which waits for the next item and fails only once every sender (each producer's) is gone.

use common::ipc::IpcSender;
use common::process::Process;
use common::{current_process, say, sleep_secs};

fn produce(q: IpcSender<String>, items: u32) {
    let me = current_process();
    for i in 0..items {
        sleep_secs(0.1);
        let item = format!("item {i} from {} (pid {})", me.name, me.pid);
        q.send(item).expect("put");
    }
}

pub fn drain(
    producers: usize,
    items: u32,
    produce: impl Fn(IpcSender<String>, u32) + Copy + 'static,
) -> usize {
    let (q_put, q) = common::ipc::channel::<String>().expect("a queue");
    let mut ps: Vec<Process> = (0..producers)
        .map(|_| Process::target(produce, (q_put.clone(), items)))
        .collect();
    for p in &mut ps {
        p.start().expect("start a producer");
    }
    drop(q_put); // main 자신의 송신자: 생산자들의 것까지 모두 사라지면 `recv`가 실패함 (main's own sender: `recv` fails once every producer's is gone too)
    let mut got = 0;
    while let Ok(item) = q.recv() {
        say!("got {item}");
        got += 1;
    }
    for p in &mut ps {
        p.join();
    }
    got
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    let got = drain(3, 4, produce);
    say!("main got {got} items");
}
