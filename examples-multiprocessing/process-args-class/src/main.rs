//! 1. 인자 전달하기 — 2) Class 경우: a method as the target (notes §2).
//!
//! Run: `cargo run -p process-args-class`
//! Notice: the same lines as `process-args-fn`. Python's `target=w.run` becomes a closure that
//! owns `w` (it is moved in) and calls `w.run("hello")` in the child.

use common::process::Process;
use common::{current_process, say};

struct Worker;

impl Worker {
    fn new() -> Self {
        Worker
    }

    fn run(&self, value: &str) {
        let pname = current_process().name;
        say!("{pname}");
        say!("{value}");
    }
}

fn main() {
    let w = Worker::new();
    let mut p = Process::new(move || w.run("hello")).name("Sub Process");
    p.start().expect("start Sub Process");
    p.join();
    say!("Main Process");
}
