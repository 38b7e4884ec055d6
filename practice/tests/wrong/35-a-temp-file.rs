//! 잘못된 풀이(두 번째 블라인드 리뷰): 부모가 인사말을 임시 파일에 쓰고, spawn으로 시작한 자식이 그 파일을 읽습니다.
//! 타깃의 인자로 넘기지 않습니다.
//! Wrong (from the second blind review): the parent writes the greeting to a temp file that the
//! spawned child reads, not the target's argument.
//! Named: The checker forbids writing files
//! Needs: Landlock
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
