//! 연습 05 — 자식이 바꾼 값을 부모에게 알리기 (노트 프로세스 스포닝, `num = 42`)
//! Exercise 05 — the parent must learn what the child changed (notes: spawning, `num = 42`)
//!
//! 할 일: 자식 프로세스가 `num`에 1을 더하고, 부모가 "num in the parent: 43"을 찍게 하세요. 지금은
//! 42를 찍습니다. `fork`는 자식에게 복사본을 주므로, 자식이 값을 보내 줘야 합니다(`common::ipc::pipe`).
//! Task: the child adds 1 to `num`, and the parent prints "num in the parent: 43". Today it prints
//! 42: `fork` gave the child a copy, so the child must send the value back (`common::ipc::pipe`).
//!
//! 확인 / check: `cargo run -p practice -- check 05`

use common::process::Process;
use common::say;
use std::sync::atomic::{AtomicI32, Ordering};

static NUM: AtomicI32 = AtomicI32::new(42);

fn main() {
    let mut child = Process::new(|| {
        let num = NUM.fetch_add(1, Ordering::SeqCst) + 1;
        say!("num in the child: {num}");
        // TODO: send `num` to the parent.
    })
    .name("SubProcess");
    child.start().expect("start the child");
    child.join();
    // TODO: receive the child's `num` instead of reading this process's own copy.
    say!("num in the parent: {}", NUM.load(Ordering::SeqCst));
}
