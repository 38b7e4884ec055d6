//! 1. 인자 전달하기 — 2) Class 경우: a method as the target (notes §2).
//!
//! Run: `cargo run -p process-args-class`
//! Notice: the same lines as `process-args-fn`. Python's `target=w.run` becomes the function
//! `Worker::run`, which takes `self`, with `w` as its first argument: `w` is moved into the
//! `Process` and serialized for the child, as Python pickles it (any start method).

use common::process::Process;
use common::{current_process, say};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct Worker;

impl Worker {
    fn new() -> Self {
        Worker
    }

    fn run(self, value: String) {
        let pname = current_process().name;
        say!("{pname}");
        say!("{value}");
    }
}

fn main() {
    common::init(); // if __name__ == "__main__":
    let w = Worker::new();
    let mut p = Process::target(Worker::run, (w, "hello".to_owned())).name("Sub Process");
    p.start().expect("start Sub Process");
    p.join();
    say!("Main Process");
}
