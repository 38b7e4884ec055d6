//! 프로세스 스포닝, second snippet — parent and child PIDs, and a global each child copies (notes §2).
//!
//! 실행 / Run: `cargo run -p process-pid`
//! 눈여겨볼 점: 자식마다 메인 프로세스를 부모로 밝히고, 자기만의 PID가 있고, 43을 출력합니다. 자기
//! `num`에 1을 더하기 때문입니다(`fork`가 만든 사본이고, `spawn`이면 프로그램이 시작할 때의 42입니다).
//! 부모의 `num`은 그대로 42이므로, 두 번째 자식도 43을 출력합니다.
//! Notice: each child names the main process as its parent, has a PID of its own, and prints 43:
//! it adds 1 to its own `num` (a copy that `fork` made; under `spawn`, the program's own 42 from
//! its start). The parent's `num` is still 42, so the second child prints 43 too.

use common::process::Process;
use common::{current_process, say};
use std::sync::atomic::{AtomicI32, Ordering};

/// 파이썬의 모듈 수준 `num = 42`입니다. 값이 바뀌는 러스트 전역 변수는 원자적 타입이어야 합니다(또는
/// `Mutex` 안에 있어야 합니다). 자식마다 자기 것이 있습니다(`fork`는 복사하고, `spawn`은 새로 시작합니다).
/// Python's module-level `num = 42`. A Rust global that changes must be an atomic (or sit in a
/// `Mutex`); each child has its own (`fork` copies it, `spawn` starts it afresh).
static NUM: AtomicI32 = AtomicI32::new(42);

fn f(name: String) {
    let num = NUM.fetch_add(1, Ordering::SeqCst) + 1; // 파이썬의 global num; num += 1
    let me = current_process();
    say!("{}", "-".repeat(20));
    say!("PID of parent: {}", me.ppid); // 파이썬의 os.getppid()
    say!("PID of {} : {}", name, me.pid); // 파이썬의 os.getpid()
    say!("{num}");
}

fn main() {
    common::init(); // 파이썬의 if __name__ == "__main__":
    let me = current_process();
    say!("PID of {} : {}", me.name, me.pid);
    say!("{}", NUM.load(Ordering::SeqCst));

    // 파이썬의 `Process(target=f, args=("proc_1",))`입니다.
    // `Process(target=f, args=("proc_1",))`.
    let mut p1 = Process::target(f, "proc_1".to_owned());
    let mut p2 = Process::target(f, "proc_2".to_owned());

    p1.start().expect("start proc_1");
    p1.join();
    p2.start().expect("start proc_2");
    p2.join();
}
