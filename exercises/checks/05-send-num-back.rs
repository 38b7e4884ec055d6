//! 검사기가 연습 05의 `num_after_the_child()`를 부르면서, `NUM`을 부모에서는 한 수로, 자식에서는
//! 다른 수로 정해 둡니다(`register_at_fork`). 그래서 자식이 돌려보낸 값이어야 맞는 답이 되고,
//! 부모가 자기 `NUM + 1`을 돌려주면 틀립니다.
//! The checker calls exercise 05's `num_after_the_child()` with `NUM` set to one number in the
//! parent and to another in the child (`register_at_fork`): only the child's value sent back
//! gives the right answer, not the parent's own `NUM + 1`.

#[allow(dead_code)]
#[path = "../05-send-num-back/src/main.rs"]
mod learner;

use check_protocol::{Found, report};

use std::sync::atomic::{AtomicI32, Ordering};

/// 자식이 시작하면서 자식의 `NUM`에 들어가는 값.
/// What the child's `NUM` becomes as it starts.
static IN_THE_CHILD: AtomicI32 = AtomicI32::new(0);

fn main() {
    let args: [i32; 2] = check_protocol::numbers();
    learner::NUM.store(args[0], Ordering::SeqCst);
    IN_THE_CHILD.store(args[1], Ordering::SeqCst);
    common::process::register_at_fork(|| {
        learner::NUM.store(IN_THE_CHILD.load(Ordering::SeqCst), Ordering::SeqCst)
    });
    let after = learner::num_after_the_child();
    common::say!("{}", report(Found::Number(after.into())));
}
