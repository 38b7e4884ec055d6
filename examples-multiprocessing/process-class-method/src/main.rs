//! 6. 멀티프로세싱과 클래스 — 프로세스와 클래스: a method of a parent's object as the target.
//!
//! Run: `cargo run -p process-class-method`
//! Notice: `__init__` runs in MainProcess, `run` in SubProcess, and the parent's `w.name` is still
//! None after the child set its own: the child changed a copy.

use common::process::Process;
use common::python::Py;
use common::{current_process, say};

#[derive(Clone)]
struct Worker {
    name: Option<String>,
}

impl Worker {
    /// Python's `__init__`.
    fn new() -> Self {
        say!("__init__ {}", current_process().name);
        Worker { name: None }
    }

    fn run(&mut self, name: &str) {
        self.name = Some(name.to_owned());
        say!("run {}", Py(&self.name));
        say!("run {}", current_process().name);
    }
}

fn main() {
    let w = Worker::new();
    // Python hands the child a copy of `w` without saying so; Rust makes the copy explicit.
    // The closure owns its own Worker, and the parent's `w` stays as it is.
    let mut child_w = w.clone();
    let mut p = Process::new(move || child_w.run("bob")).name("SubProcess");
    p.start().expect("start SubProcess"); // target function is called
    p.join();
    // The sub process has ended; the object it changed was its own copy, so `w.name` is None.
    say!("{}", Py(&w.name));
}
