//! 연습 05 — 자식이 바꾼 값을 부모에게 알리기 (노트 프로세스 스포닝, `num = 42`)
//! Exercise 05 — the parent must learn what the child changed (notes: spawning, `num = 42`)
//!
//! 할 일: `num_after_the_child()`에서 자식 프로세스가 `NUM`에 1을 더하고, 부모가 그 값을 돌려받게 하세요.
//! `main`은 "num in the parent: 43"을 출력해야 합니다. 지금은 42를 출력합니다. `fork`는 자식에게 복사본을
//! 주므로, 자식이 값을 보내 줘야 합니다(`common::ipc::pipe`). 검사기는 자식의 `NUM` 초깃값을 부모와 다르게 해서도 호출합니다.
//! Task: in `num_after_the_child()`, the child process adds 1 to `NUM` and the parent gets the value
//! back; `main` must print "num in the parent: 43". Today it prints 42: `fork` gave the child a copy,
//! so the child must send the value back (`common::ipc::pipe`). The checker also calls it with the
//! child's `NUM` starting at another value than the parent's.
//!
//! 확인 / Check: `cargo run -p practice -- check 05`

use common::process::Process;
use common::say;
use std::sync::atomic::{AtomicI32, Ordering};

pub static NUM: AtomicI32 = AtomicI32::new(42);

pub fn num_after_the_child() -> i32 {
    let mut child = Process::new(|| {
        let num = NUM.fetch_add(1, Ordering::SeqCst) + 1;
        say!("num in the child: {num}");
        // TODO: `num`을 부모에게 보내세요.
        //       send `num` to the parent.
    })
    .name("SubProcess");
    child.start().expect("start the child");
    child.join();
    // TODO: 이 프로세스의 복사본을 읽지 말고, 자식이 보낸 `num`을 받으세요.
    //       receive the child's `num` instead of reading this process's own copy.
    NUM.load(Ordering::SeqCst)
}

fn main() {
    say!("num in the parent: {}", num_after_the_child());
}
