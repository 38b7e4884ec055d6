//! 잘못된 풀이(두 번째 블라인드 리뷰): 부모가 인사를 임시 파일에 쓰고, spawn으로 시작한 자식이
//! 그 파일을 읽습니다. 인사는 target의 인자로 건너가지 않습니다.
//! Wrong (from the second blind review): the parent writes the greeting into a temporary file
//! that the spawned child reads: the greeting never crosses as the target's argument.
//! Named: did not cross as the target's argument

use common::process::{Process, StartMethod, set_start_method};
use common::say;

fn greeting_path() -> String {
    let parent = std::os::unix::process::parent_id();
    format!("/tmp/greeting-for-child-of-{parent}")
}

fn greet() {
    let text = std::fs::read_to_string(greeting_path()).unwrap_or_default();
    say!("child says: {}", text);
}

pub fn greet_in_a_child(greeting: &str) {
    let path = format!("/tmp/greeting-for-child-of-{}", std::process::id());
    std::fs::write(&path, greeting).expect("write the greeting");
    let mut p = Process::target(greet, ()).name("Greeter");
    p.start().expect("start the child");
    p.join();
    let _ = std::fs::remove_file(&path);
    say!("parent: the child has greeted");
}

fn main() {
    common::init();
    set_start_method(StartMethod::Spawn).expect("the start method");
    greet_in_a_child("hello from main");
}
