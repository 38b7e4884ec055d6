//! 6. 멀티프로세싱과 클래스 — the same, printing before and after `join`.
//!
//! 실행 / Run: `cargo run -p process-class-join`
//! 눈여겨볼 점: `w.name`은 조인 앞에서도 뒤에서도 None입니다. 조인 앞의 "SubProcess:  True"는
//! 파이썬에서 보이는 값인데, 파이썬의 자식은 시작하는 데 몇 밀리초가 걸리기 때문입니다. 포크한
//! 자식은 이미 끝났을 수도 있고, 그러면 이 줄에는 있는 그대로 False가 나옵니다(노트처럼 `spawn`으로
//! 시작하면 True). 조인 뒤에는 언제나 False입니다.
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
    // 러스트에서는 자식이 받는 사본이 코드에 드러납니다. `w`를 복제하고 직렬화해서 `w.run`에 줍니다.
    // The child's copy, explicit in Rust: `w.run` with `w` cloned and serialized.
    let mut p = Process::target(Worker::run, (w.clone(), "bob".to_owned())).name("SubProcess");
    p.start().expect("start SubProcess"); // 타깃 함수가 호출됨 (target function is called)

    say!("before join");
    say!("SubProcess:  {}", Py(p.is_alive()));
    say!("{}", Py(&w.name));
    p.join();
    say!("after join");
    say!("SubProcess:  {}", Py(p.is_alive()));
    say!("{}", Py(&w.name));
}
