//! 1. 인자 전달하기 — 2) Class 경우 — a method as the target (notes §2).
//!
//! 실행 / Run: `cargo run -p process-args-class`
//! 눈여겨볼 점: `process-args-fn`과 같은 줄이 나옵니다. 파이썬의 `target=w.run`은 `self`를 받는
//! 함수 `Worker::run`이 되고, `w`가 첫 번째 인자입니다. `w`는 `Process`로 이동하고, 자식에게 보낼 수 있게
//! 직렬화됩니다. 파이썬이 피클하는 것과 같습니다(시작 방식과 상관없이).
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
    common::init(); // 파이썬의 if __name__ == "__main__":
    let w = Worker::new();
    let mut p = Process::target(Worker::run, (w, "hello".to_owned())).name("Sub Process");
    p.start().expect("start Sub Process");
    p.join();
    say!("Main Process");
}
