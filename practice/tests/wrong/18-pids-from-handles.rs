//! Wrong: the producers put nothing; main prints each item's line from its `Process` handles
//! (name and PID), with no queue at all.

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

fn idle() {}

pub fn drain(
    producers: usize,
    items: u32,
    _produce: impl Fn(IpcSender<String>, u32) + Copy + 'static,
) -> usize {
    let mut ps: Vec<Process> = (0..producers).map(|_| Process::target(idle, ())).collect();
    for p in &mut ps {
        p.start().expect("start a producer");
    }
    let mut got = 0;
    for p in &mut ps {
        p.join();
        for i in 0..items {
            say!(
                "got item {i} from {} (pid {})",
                p.get_name(),
                p.pid().expect("a PID")
            );
            got += 1;
        }
    }
    got
}

fn main() {
    common::init(); // if __name__ == '__main__':
    let got = drain(3, 4, produce);
    say!("main got {got} items");
}
