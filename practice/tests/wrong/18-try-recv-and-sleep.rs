//! 잘못된 풀이(두 번째 블라인드 리뷰): 큐를 try_recv로 들여다보고 10ms씩 자며, 생산자가 모두 끝나면 멈춥니다(폴링).
//! Wrong (from the second blind review): try_recv on the queue and a 10 ms sleep, until no
//! producer is alive (polling).
//! Named: is not waiting

use common::ipc::IpcSender;
use common::process::Process;
use common::{current_process, say, sleep_secs};
use std::time::Duration;

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
    drop(q_put);
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
        std::thread::sleep(Duration::from_millis(10));
    }
    for p in &mut ps {
        p.join();
    }
    got
}

fn main() {
    common::init();
    let got = drain(3, 4, produce);
    say!("main got {got} items");
}
