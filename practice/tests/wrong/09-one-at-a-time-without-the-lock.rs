//! Wrong (from the blind review): no lock at all, and each child started and joined in one loop
//! (Python's `p.start(); p.join()`): the children never race, so the total comes out right.
//! Named: without holding its lock

use common::process::Process;
use common::say;
use common::shm::Value;
use std::rc::Rc;

fn add(total: &Value<i32>, times: i32) {
    for _ in 0..times {
        total.set(total.get() + 1);
    }
}

pub fn count_in_processes(processes: usize, times: i32) -> i32 {
    let total = Rc::new(Value::new(0).expect("a shared value"));
    for _ in 0..processes {
        let shared = Rc::clone(&total);
        let mut child = Process::new(move || add(&shared, times));
        child.start().expect("start a child");
        child.join();
    }
    total.get()
}

fn main() {
    say!("total: {}", count_in_processes(4, 100_000));
}
