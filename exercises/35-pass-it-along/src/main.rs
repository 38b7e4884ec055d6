//! 연습 35 — spawn으로 시작한 자식에게 넘겨주기 (시작 방법 — spawn)
//! Exercise 35 — pass it along (start methods: spawn)
//!
//! 할 일: `greet_in_a_child(greeting)`은 자식 프로세스 "Greeter"를 시작하고, 자식은 "child says:
//! <greeting>"을 출력합니다. 부모는 자식을 기다린 뒤 "parent: the child has greeted"를 출력합니다.
//! 이 프로그램은 노트처럼 `spawn`으로 자식을 시작합니다. 자식은 프로그램을 새로 실행한 것이라
//! 부모가 전역 변수에 넣어 둔 것을 보지 못해서, 지금은 빈 인사를 출력합니다. 시작 방법은 그대로
//! 두고, 자식에게 필요한 것을 넘겨주세요. 검사기는 이 함수를 다른 인사로도 부릅니다.
//! Task: `greet_in_a_child(greeting)` starts a child process "Greeter", which prints "child says:
//! <greeting>"; the parent waits for it, then prints "parent: the child has greeted". This
//! program starts its children with `spawn`, as the notes did. The child is a fresh run of the
//! program and does not see what the parent put in a global, so today it greets with nothing.
//! Keep the start method, and hand the child what it needs. The checker calls the function with
//! other greetings too.
//!
//! 확인 / Check: `cargo run -p practice -- check 35`

use common::process::{Process, StartMethod, set_start_method};
use common::say;
use std::sync::Mutex;

/// 부모가 자식을 시작하기 전에 정하는 값(파이썬이라면 `if __name__ == '__main__':` 아래에서 정한
/// 전역 변수).
/// What the parent sets before it starts the child (Python: a global set under
/// `if __name__ == '__main__':`).
static GREETING: Mutex<String> = Mutex::new(String::new());

fn greet() {
    say!("child says: {}", GREETING.lock().expect("the greeting"));
}

pub fn greet_in_a_child(greeting: &str) {
    *GREETING.lock().expect("the greeting") = greeting.to_owned();
    let mut p = Process::target(greet, ()).name("Greeter");
    p.start().expect("start the child");
    p.join();
    say!("parent: the child has greeted");
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    set_start_method(StartMethod::Spawn).expect("the start method");
    greet_in_a_child("hello from main");
}
