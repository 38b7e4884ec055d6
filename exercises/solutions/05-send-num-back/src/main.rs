//! 연습 05의 풀이 — 자식이 자기 `num`을 파이프로 부모에게 돌려보냅니다.
//!
//! Exercise 05, a solution: the child sends its `num` back through a pipe.

use common::process::Process;
use common::say;
use std::sync::atomic::{AtomicI32, Ordering};

pub static NUM: AtomicI32 = AtomicI32::new(42);

pub fn num_after_the_child() -> i32 {
    let (parent_conn, child_conn) = common::ipc::pipe().expect("a pipe");
    let mut child = Process::new(move || {
        let num = NUM.fetch_add(1, Ordering::SeqCst) + 1;
        say!("num in the child: {num}");
        child_conn.send(&num).expect("send num");
    })
    .name("SubProcess");
    child.start().expect("start the child");
    let num: i32 = parent_conn.recv().expect("the child's num");
    child.join();
    num
}

fn main() {
    say!("num in the parent: {}", num_after_the_child());
}
