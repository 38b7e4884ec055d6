//! 1. 인자 전달하기 — 1) 함수 경우 — passing an argument to a function target (notes §2).
//!
//! 실행 / Run: `cargo run -p process-args-fn`
//! (어느 시작 방식이든 / any start method: `TUTORIAL_START_METHOD=spawn`)
//! 눈여겨볼 점: "Sub Process"와 "hello"는 자식이 출력하고, "Main Process"는 `join` 뒤에 나옵니다. 파이썬의
//! `Process(target=work, args=("hello",))`는 `Process::target(work, "hello")`입니다. 평범한 함수와
//! 직렬화할 수 있는 인자여서, spawn으로 시작한 자식도 받을 수 있습니다.
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
    common::init(); // 파이썬의 if __name__ == "__main__":
    let mut p = Process::target(work, "hello".to_owned()).name("Sub Process");
    p.start().expect("start Sub Process");
    p.join();
    say!("Main Process");
}
