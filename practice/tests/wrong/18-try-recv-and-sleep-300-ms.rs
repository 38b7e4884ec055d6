//! 틀림(세 번째 눈가림 검토에서): main이 `try_recv`로 큐를 비우고 생산자가
//! 살아 있는지 본 뒤 300ms 잡니다. 생산자가 쉬는 동안 몇 번만 깨어나서 깨는 횟수만
//! 세던 때는 통과했고, 조용한 틈 규칙이 잡습니다.
//! Wrong (from the third blind review): main empties the queue with `try_recv`, looks whether the
//! producers are still alive, and sleeps 300 ms: it wakes only a few times while they rest, so it
//! passed while only the wakes were counted; the quiet-spell rule catches it.
//! Named: is not waiting

//! 연습 18 — 큐를 끝까지 비우기 (프로세스 간 객체 교환 — 큐(Queue))
//! Exercise 18 — drain the queue (exchanging objects between processes: a Queue)
//!
//! 할 일: `drain(producers, items, produce)`에서 생산자 프로세스 `producers`개가 각자
//! `produce`로 물건 `items`개를 한 큐에 넣습니다. main은 물건을 모두, 하나씩 한 번만 받아 "got ..."을 출력하고, 받은 수를 돌려줍니다.
//! 지금 코드는 큐가 잠깐 비어 있기만 해도 끝난 줄 압니다(파이썬의 `while not q.empty(): q.get()`). 아직
//! 오지 않은 물건을 놓칩니다. 생산자를 모두 join하는 것도 잊지 마세요. 검사기는 이 함수를 다른
//! 값과 자기 `produce`로도 부릅니다. 그 물건에는 자식이 뽑은 번호가 붙어서, 큐에서 받아야만
//! 출력할 수 있습니다.
//! Task: in `drain(producers, items, produce)`, `producers` producer processes each put `items`
//! items on one queue with `produce`. Main takes every item, each once, prints "got ..." and returns how many it got.
//! Today it takes a queue that is empty now for the end (Python's `while not q.empty():
//! q.get()`), and misses the items still to come. Join every producer too. The checker calls the
//! function with other numbers and its own `produce` as well, whose items carry a number drawn in
//! the child: main can print them only by taking them off the queue.
//!
//! 확인 / Check: `cargo run -p practice -- check 18`

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
    let mut got = 0;
    loop {
        while let Ok(item) = q.try_recv() {
            say!("got {item}");
            got += 1;
        }
        if ps.iter_mut().all(|p| !p.is_alive()) {
            while let Ok(item) = q.try_recv() {
                say!("got {item}");
                got += 1;
            }
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(300));
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
