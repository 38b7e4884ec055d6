//! 연습 09의 풀이 — 공유 `Value` 하나. 한 번 읽고 쓸 때마다 그 잠금을 잡습니다.
//!
//! Exercise 09, a solution: a shared `Value`, its lock around each read-then-write.

use common::process::Process;
use common::say;
use common::shm::Value;
use std::rc::Rc;

fn add(total: &Value<i32>, times: i32) {
    for _ in 0..times {
        let _guard = total.get_lock().acquire();
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
