//! 1. 인자 전달하기 — 1) 함수 경우: passing an argument to a function target (notes §2).
//!
//! Run: `cargo run -p process-args-fn` (any start method: `TUTORIAL_START_METHOD=spawn`)
//! Notice: "Sub Process" and "hello" come from the child, "Main Process" after `join`.
//! Python's `Process(target=work, args=("hello",))` is `Process::target(work, "hello")`: a plain
//! function and arguments that can be serialized, so that a spawned child can receive them.

use common::process::Process;
use common::{current_process, say};

fn work(value: String) {
    let pname = current_process().name;
    say!("{pname}");
    say!("{value}");
}

fn main() {
    common::init(); // if __name__ == "__main__":
    let mut p = Process::target(work, "hello".to_owned()).name("Sub Process");
    p.start().expect("start Sub Process");
    p.join();
    say!("Main Process");
}
