//! 6. 멀티프로세싱과 클래스 — the same, printing before and after `join`.
//!
//! Run: `cargo run -p process-class-join`
//! Notice: `w.name` is None before and after the join. "SubProcess:  True" before the join is
//! what Python shows, because its child takes milliseconds to start; a forked child may already
//! be done, and then this line honestly says False (under `spawn` it says True, as in the
//! notes). After the join it is always False.

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
    // The child's copy, explicit in Rust: `w.run` with `w` cloned and serialized.
    let mut p = Process::target(Worker::run, (w.clone(), "bob".to_owned())).name("SubProcess");
    p.start().expect("start SubProcess"); // target function is called

    say!("before join");
    say!("SubProcess:  {}", Py(p.is_alive()));
    say!("{}", Py(&w.name));
    p.join();
    say!("after join");
    say!("SubProcess:  {}", Py(p.is_alive()));
    say!("{}", Py(&w.name));
}
