// A shared Value, but a read, then a write, without its lock.
use common::process::Process;
use common::say;
use common::shm::Value;
use std::rc::Rc;
fn main() {
    let total = Rc::new(Value::new(0).expect("a shared value"));
    let mut children: Vec<Process> = (0..4)
        .map(|_| {
            let total = Rc::clone(&total);
            Process::new(move || {
                for _ in 0..100_000 {
                    total.set(total.get() + 1);
                }
            })
        })
        .collect();
    for child in &mut children {
        child.start().expect("start");
    }
    for child in &mut children {
        child.join();
    }
    say!("total: {}", total.get());
}
