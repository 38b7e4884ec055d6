// A shared Value, but a read, then a write, without its lock.
use common::process::Process;
use common::say;
use common::shm::Value;
use std::rc::Rc;
pub fn count_in_processes(processes: usize, times: i32) -> i32 {
    let total = Rc::new(Value::new(0).expect("a shared value"));
    let mut children: Vec<Process> = (0..processes)
        .map(|_| {
            let total = Rc::clone(&total);
            Process::new(move || {
                for _ in 0..times {
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
    total.get()
}
fn main() {
    say!("total: {}", count_in_processes(4, 100_000));
}
