//! 연습 09의 풀이 — Exercise 09, a solution: a shared `Value`, its lock around each read-then-write.

use common::process::Process;
use common::say;
use common::shm::Value;
use std::rc::Rc;

fn add(total: &Value<i32>) {
    for _ in 0..100_000 {
        let _guard = total.get_lock().acquire();
        total.set(total.get() + 1);
    }
}

fn main() {
    let total = Rc::new(Value::new(0).expect("a shared value"));
    let mut children: Vec<Process> = (0..4)
        .map(|_| {
            let total = Rc::clone(&total);
            Process::new(move || add(&total))
        })
        .collect();
    for child in &mut children {
        child.start().expect("start a child");
    }
    for child in &mut children {
        child.join();
    }
    say!("total: {}", total.get());
}
