//! 6. 멀티프로세싱과 클래스 — 프로세스와 클래스 — a method of a parent's object as the target.
//!
//! 실행 / Run: `cargo run -p process-class-method`
//! 눈여겨볼 점: `__init__`은 MainProcess에서, `run`은 SubProcess에서 돌고, 자식이 자기 이름을 정한
//! 뒤에도 부모의 `w.name`은 여전히 None입니다. 자식은 사본을 바꿨습니다.
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
    /// 파이썬의 `__init__`입니다.
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
    common::init(); // 파이썬의 if __name__ == "__main__":
    let w = Worker::new();
    // 파이썬은 말없이 자식에게 `w`의 사본을 건넵니다(`fork`는 메모리를 복사하고, `spawn`은 피클합니다).
    // 러스트는 그 사본을 드러냅니다. `w.clone()`을 자식을 위해 직렬화합니다.
    // Python hands the child a copy of `w` without saying so (`fork` copies the memory, `spawn`
    // pickles it); Rust makes the copy explicit: `w.clone()`, serialized for the child.
    let mut p = Process::target(Worker::run, (w.clone(), "bob".to_owned())).name("SubProcess");
    p.start().expect("start SubProcess"); // 타깃 함수가 호출됨 (target function is called)
    p.join();
    // 서브 프로세스는 끝났습니다. 자식이 바꾼 객체는 자기 사본이었으므로 `w.name`은 None입니다.
    // The sub process has ended; the object it changed was its own copy, so `w.name` is None.
    say!("{}", Py(&w.name));
}
