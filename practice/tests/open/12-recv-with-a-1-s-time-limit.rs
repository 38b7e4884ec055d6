//! 틀림(세 번째 눈가림 검토에서): 소비자가 막히는 `recv` 대신 1초씩 시간 제한 있는
//! recv를 되풀이합니다. 1초에 한 번만 깨어나서 깨는 횟수만 세던 때는 통과했고, 조용한
//! 틈 규칙이 잡습니다.
//! Wrong (from the third blind review): the consumer waits on the queue a second at a time
//! (`try_recv_timeout`), looping on Empty, in place of a plain blocking `recv`: it wakes only
//! once a second, so it passed while only the wakes were counted; the quiet-spell rule catches it.
//! Named: is not waiting

//! 연습 12 — 창 없는 노트의 GUI 구조: 생산자 프로세스와 소비자 스레드 (노트 5. 멀티프로세싱과 PyQt)
//! Exercise 12 — the notes' GUI pattern without the window: a producer process, a consumer thread
//! (notes 5, multiprocessing and PyQt)
//!
//! 할 일: 생산자 프로세스가 다섯 개를 큐에 넣고 끝나면, 소비자 스레드가 돌리는 `consume`도 끝나서
//! "consumer done: 5 items"를 출력하고 받은 수를 돌려주게 하세요. 지금 소비자는 노트처럼 큐가
//! 비었는지 계속 확인하며 돌기 때문에 영원히 끝나지 않습니다. 검사기는 `consume`을 자기 생산자의
//! 큐로도 부릅니다. 그 항목에는 생산자가 무작위로 뽑은 번호가 붙어서, 큐에서 받아야만 출력할 수 있습니다.
//! Task: when the producer process has put five items and ended, `consume`, which the consumer
//! thread runs, must end too, print "consumer done: 5 items" and return how many it got. Today the
//! consumer spins checking the queue, as the notes' does, and never ends. The checker also calls
//! `consume` with the queue of a producer of its own, whose items carry a number the producer
//! draws: they can be printed only by taking them off the queue.
//!
//! 확인 / Check: `cargo run -p practice -- check 12`

use common::ipc::IpcReceiver;
use common::process::Process;
use common::{say, sleep_secs};
use std::thread;

/// 소비자 스레드가 하는 일: `q`에서 꺼낸 물건을 하나씩 출력하고, 끝에 개수를 출력해 돌려줍니다.
/// The consumer thread's work: print each item it takes off `q`, then how many; return that.
pub fn consume(q: IpcReceiver<String>) -> usize {
    let mut count = 0;
    loop {
        match q.try_recv_timeout(std::time::Duration::from_millis(1000)) {
            Ok(item) => {
                say!("got {item}");
                count += 1;
            }
            Err(error) if format!("{error:?}").contains("Empty") => continue,
            Err(_) => break,
        }
    }
    say!("consumer done: {count} items");
    count
}

fn main() {
    let (q_put, q) = common::ipc::channel::<String>().expect("a queue");
    let mut producer = Process::new(move || {
        for i in 0..5 {
            q_put.send(format!("item {i}")).expect("put");
            sleep_secs(0.2);
        }
    })
    .name("producer");
    producer.start().expect("start the producer");
    let consumer = thread::Builder::new()
        .name("consumer".into())
        .spawn(move || consume(q))
        .expect("spawn the consumer");
    consumer.join().expect("the consumer panicked");
    producer.join();
}
