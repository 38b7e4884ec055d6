//! 연습 33의 풀이 — `w`가 자식의 클로저로 이동하기 전에 부모가 이름의 복사본을 챙겨 둡니다. 어차피
//! 자식은 자기 메모리 복사본(fork)에서 돌므로, 자식이 `w`를 바꿔도 돌아오지 않습니다.
//!
//! Exercise 33, a solution: the parent keeps a copy of the name before `w` moves
//! into the child's closure. The child runs on its own copy of memory anyway (fork), so nothing
//! it changes in `w` would come back.

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
    let name = w.name.clone(); // 부모 자신의 복사본. `w`는 자식으로 옮겨 감 (the parent's own copy; `w` moves into the child)
    let mut p = Process::new(move || w.run()).name("SubProcess");
    p.start().expect("start the child");
    p.join();
    say!("parent: {name} finished");
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    start_worker("bob");
}
