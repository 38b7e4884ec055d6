//! 연습 35의 풀이 — 인사말을 target의 인자로 넘기면 `spawn`이 그 인자를 새 프로그램에
//! 보냅니다(파이썬이 `args=`를 pickle하는 것과 같음). 전역 변수는 필요 없습니다.
//!
//! Exercise 35, a solution: the greeting goes to the child as its target's
//! argument, which `spawn` sends to the new program (Python pickles `args=` the same way); no
//! global is needed.

use common::process::{Process, StartMethod, set_start_method};
use common::say;

fn greet(greeting: String) {
    say!("child says: {greeting}");
}

pub fn greet_in_a_child(greeting: &str) {
    let mut p = Process::target(greet, greeting.to_owned()).name("Greeter");
    p.start().expect("start the child");
    p.join();
    say!("parent: the child has greeted");
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    set_start_method(StartMethod::Spawn).expect("the start method");
    greet_in_a_child("hello from main");
}
