//! 검사기가 연습 21의 `record_pids(children)`를 자기 수로 부릅니다.
//! The checker calls exercise 21's `record_pids(children)` with its own number.

#[allow(dead_code)]
#[path = "../21-share-a-dict/src/main.rs"]
mod learner;

fn main() {
    common::init();
    let [children]: [usize; 1] = check_protocol::numbers();
    for (name, pid) in learner::record_pids(children) {
        common::say!("entry {name}: {pid}");
    }
}
