//! 6. 멀티프로세싱과 클래스 — 프로세스와 클래스: a method of a parent's object as the target.
//!
//! Run: `cargo run -p process-class-method`
//! Notice: `__init__` runs in MainProcess, `run` in SubProcess, and the parent's `w.name` is still
//! None after the child set its own: the child changed a copy.

use common::process::Process;
use common::python::Py;
use common::{current_process, say};
use serde::{Deserialize, Serialize};

#[derive(Clone, Serialize, Deserialize)]
struct Worker {
    name: Option<String>,
}

impl Worker {
    /// Python's `__init__`.
    fn new() -> Self {
        say!("__init__ {}", current_process().name);
        Worker { name: None }
    }

    fn run(mut self, name: String) {
        self.name = Some(name);
        say!("run {}", Py(&self.name));
        say!("run {}", current_process().name);
    }
}

fn main() {
    common::init(); // if __name__ == "__main__":
    let w = Worker::new();
    // Python hands the child a copy of `w` without saying so (`fork` copies the memory, `spawn`
    // pickles it); Rust makes the copy explicit: `w.clone()`, serialized for the child.
    let mut p = Process::target(Worker::run, (w.clone(), "bob".to_owned())).name("SubProcess");
    p.start().expect("start SubProcess"); // target function is called
    p.join();
    // The sub process has ended; the object it changed was its own copy, so `w.name` is None.
    say!("{}", Py(&w.name));
}
