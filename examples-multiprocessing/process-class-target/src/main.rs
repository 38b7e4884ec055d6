//! 6. 멀티프로세싱과 클래스 — 타켓으로 클래스 전달: the class itself as the target.
//!
//! Run: `cargo run -p process-class-target`
//! Notice: `__init__` now prints SubProcess: the object is built inside the child.
//! Python's `target=Worker, args=("bob",)` calls the constructor in the child; in Rust the
//! target is a closure that captures nothing and calls `Worker::new(&name)` there.

use common::process::Process;
use common::{current_process, say};

struct Worker {
    name: String,
}

impl Worker {
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
    common::init(); // if __name__ == "__main__":
    let mut p = Process::target(|name: String| drop(Worker::new(&name)), "bob".to_owned())
        .name("SubProcess");
    p.start().expect("start SubProcess"); // __init__ is called
    p.join();
}
