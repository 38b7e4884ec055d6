//! Wrong (from the third blind review): `q.get(timeout=0.04)` until it times out, while hundreds
//! of items flood in: it never times out while they flow, and stops at the first pause.

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
    while let Ok(item) = q.try_recv_timeout(std::time::Duration::from_millis(40)) {
        say!("got {item}");
        got += 1;
    }
    for p in &mut ps {
        p.join();
    }
    got
}

fn main() {
    common::init(); // if __name__ == '__main__':
    let got = drain(3, 4, produce);
    say!("main got {got} items");
}
