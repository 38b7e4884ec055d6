//! 연습 33 — 옮기기 전에 복사해 두기 (러스트가 거부하는 것 — 06: 프로세스로 옮긴 뒤에 쓴 객체)
//! Exercise 33 — keep a copy (what Rust refuses — 06: an object used after its move into a process)
//!
//! 할 일: `start_worker(name)`은 이름이 `name`인 `Worker`를 만들어 자식 프로세스 "SubProcess"에서
//! `run`을 돌립니다. 자식은 "<name> works in SubProcess"를 출력하고, 부모는 자식을 기다린 뒤 "parent:
//! <name> finished"를 출력합니다. 파이썬에서는 `target=w.run`으로 넘긴 뒤에도 `w.name`을 쓰지만,
//! 지금 코드는 컴파일되지 않습니다. 컴파일러의 말을 읽고 고치세요. 검사기는 이 함수를 다른
//! 이름으로도 부릅니다.
//! Task: `start_worker(name)` makes a `Worker` named `name` and runs its `run` in a child process
//! "SubProcess". The child prints "<name> works in SubProcess"; the parent waits for it, then
//! prints "parent: <name> finished". Python goes on using `w.name` after `target=w.run`; this code
//! does not compile. Read what the compiler says and fix it. The checker calls the function with
//! other names too.
//!
//! 확인 / Check: `cargo run -p practice -- check 33`

use common::process::Process;
use common::{current_process, say};

pub struct Worker {
    pub name: String,
}

impl Worker {
    fn run(&self) {
        say!("{} works in {}", self.name, current_process().name);
    }
}

pub fn start_worker(name: &str) {
    let w = Worker {
        name: name.to_owned(),
    };
    let mut p = Process::new(move || w.run()).name("SubProcess");
    p.start().expect("start the child");
    p.join();
    say!("parent: {} finished", w.name);
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    start_worker("bob");
}
