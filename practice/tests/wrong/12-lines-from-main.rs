// The expected lines, printed by main after a producer that does nothing.
use common::process::Process;
use common::say;
fn main() {
    let mut producer = Process::new(|| {}).name("producer");
    producer.start().expect("start");
    producer.join();
    for i in 0..5 {
        say!("got item {i}");
    }
    say!("consumer done: 5 items");
}
