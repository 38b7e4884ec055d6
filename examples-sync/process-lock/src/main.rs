//! 공유 상태 — `multiprocessing.Value` and `get_lock()`: two processes count together.
//!
//! 실행 / Run: `cargo run -p process-lock`
//! 눈여겨볼 점: 프로세스 둘이 각각 공유 값에 1을 100,000번 더하는데, 읽고 나서 쓰는 두 단계로
//! 더합니다. 잠금이 없으면 서로의 갱신을 덮어씁니다(개수가 모자라고, 얼마나 모자랄지는 운입니다).
//! 읽기와 쓰기 내내 `get_lock()`을 쥐고 있으면 개수가 정확합니다. 이 잠금은 공유 메모리 안의
//! futex이고(`common::shm::Lock`), glibc의 프로세스 공유 뮤텍스와 같은 방식입니다.
//! Notice: two processes each add 1 to a shared value 100,000 times as a read, then a write.
//! Without the lock they overwrite each other's updates (the count is short, by how much is
//! luck); holding `get_lock()` across the read and the write, the count is exact. The lock is a
//! futex in shared memory (`common::shm::Lock`), as glibc's process-shared mutex is.

use common::process::Process;
use common::say;
use common::shm::Value;

const TIMES: i32 = 100_000;

fn add(v: Value<i32>, ready: Value<i32>, with_lock: bool) {
    // 둘이 함께 세기 시작합니다(파이썬 쪽 짝은 `Barrier(2)`를 씁니다). 그러지 않으면 포크가 워낙 빨라서
    // 첫 자식이 두 번째 자식이 시작하기도 전에 끝날 수 있습니다.
    // Both start counting together (Python's twin uses a `Barrier(2)`): a fork is quick enough
    // that the first child could otherwise finish before the second begins.
    ready.fetch_add(1);
    while ready.get() < 2 {
        std::thread::yield_now();
    }
    for _ in 0..TIMES {
        if with_lock {
            let _guard = v.get_lock().acquire(); // 파이썬의 `with v.get_lock():`
            v.set(v.get() + 1);
        } else {
            v.set(v.get() + 1); // 파이썬의 `v.value += 1`: 그 사이에 다른 프로세스가 쓸 수 있음 (`v.value += 1`: another process may write in between)
        }
    }
}

/// 프로세스 둘이 공유 값 하나에 `add`를 돌립니다. 합계를 돌려줍니다.
/// Two processes run `add` on one shared value; the total.
fn count(with_lock: bool) -> i32 {
    let v = Value::new(0).expect("create the shared value");
    let ready = Value::new(0).expect("create the start line");
    let mut workers: Vec<Process> = (0..2)
        .map(|_| Process::target(add, (v.clone(), ready.clone(), with_lock)))
        .collect();
    for p in &mut workers {
        p.start().expect("start a process");
    }
    for p in &mut workers {
        p.join();
    }
    v.get()
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    say!("without the lock: {}", count(false));
    say!("with the lock: {}", count(true));
}
