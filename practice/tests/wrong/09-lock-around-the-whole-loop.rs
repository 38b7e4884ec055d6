//! Wrong (from the third blind review): each child holds the shared value's lock around its whole
//! loop: the total is exact, and the children add one after another.
//! Named: took the lock only

use common::process::Process;
use common::say;
use common::shm::Value;
use std::rc::Rc;

fn add(total: &Value<i32>, times: i32) {
    let _guard = total.get_lock().acquire();
    for _ in 0..times {
        total.set(total.get() + 1);
    }
}

pub fn count_in_processes(processes: usize, times: i32) -> i32 {
    let total = Rc::new(Value::new(0).expect("a shared value"));
    let mut children: Vec<Process> = (0..processes)
        .map(|_| {
            let total = Rc::clone(&total);
            Process::new(move || add(&total, times))
        })
        .collect();
    for child in &mut children {
        child.start().expect("start a child");
    }
    for child in &mut children {
        child.join();
    }
    total.get()
}

fn main() {
    say!("total: {}", count_in_processes(4, 100_000));
}
