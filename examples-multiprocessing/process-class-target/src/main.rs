//! 6. 멀티프로세싱과 클래스 — 타켓으로 클래스 전달 — the class itself as the target.
//!
//! 실행 / Run: `cargo run -p process-class-target`
//! 눈여겨볼 점: 이번에는 `__init__`이 SubProcess를 출력합니다. 객체를 자식 안에서 만들기 때문입니다.
//! 파이썬의 `target=Worker, args=("bob",)`는 자식에서 생성자를 호출합니다. 러스트에서는 타깃이
//! 아무것도 캡처하지 않는 클로저이고, 자식에서 `Worker::new(&name)`을 호출합니다.
//! Notice: `__init__` now prints SubProcess: the object is built inside the child.
//! Python's `target=Worker, args=("bob",)` calls the constructor in the child; in Rust the
//! target is a closure that captures nothing and calls `Worker::new(&name)` there.

use common::process::Process;
use common::{current_process, say};

struct Worker {
    name: String,
}

impl Worker {
    /// 파이썬의 `__init__`으로, `run`도 호출합니다.
    /// Python's `__init__`, which also calls `run`.
    fn new(name: &str) -> Self {
        say!("__init__ {}", current_process().name);
        let worker = Worker {
            name: name.to_owned(),
        };
        worker.run();
        worker
    }

    fn run(&self) {
        say!("run {}", self.name);
        say!("run {}", current_process().name);
    }
}

fn main() {
    common::init(); // 파이썬의 if __name__ == "__main__":
    let mut p = Process::target(|name: String| drop(Worker::new(&name)), "bob".to_owned())
        .name("SubProcess");
    p.start().expect("start SubProcess"); // __init__이 호출됨 (__init__ is called)
    p.join();
}
