//! 1. 인자 전달하기 — 1) 함수 경우: passing an argument to a function target (notes §2).
//!
//! Run: `cargo run -p process-args-fn`
//! Notice: "Sub Process" and "hello" come from the child, "Main Process" after `join`.
//! Python's `args=("hello",)` becomes a closure that calls `work("hello")` in the child.

use common::process::Process;
use common::{current_process, say};

fn work(value: &str) {
    let pname = current_process().name;
    say!("{pname}");
    say!("{value}");
}

fn main() {
    let mut p = Process::new(|| work("hello")).name("Sub Process");
    p.start().expect("start Sub Process");
    p.join();
    say!("Main Process");
}
