//! 연습 17의 풀이 — `imap`은 일마다 `Result` 하나를 줍니다. panic은 그 항목만
//! 실패시키고(`TaskPanicked`), 죽은 작업 프로세스는 자기가 맡았던 항목만 실패시키며(`WorkerDied`,
//! 풀이 새 프로세스를 시작), 나머지 항목은 그대로 돌아옵니다.
//!
//! Exercise 17, a solution: `imap` gives one `Result` per task: a panic fails its
//! own item (`TaskPanicked`), a dead worker the items it had (`WorkerDied`; the pool starts a new
//! one), and the other items come back as usual.

use common::pool::Pool;
use common::say;

pub fn each_on_its_own(work: fn(u64) -> u64, xs: &[u64]) {
    let pool = Pool::new(xs.len()).expect("start the pool"); // 일마다 작업 프로세스 하나 (a worker for each task)
    let results = pool.imap(work, xs.to_vec()).expect("imap");
    for (x, result) in xs.iter().zip(results) {
        match result {
            Ok(y) => say!("{x}: {y}"),
            Err(error) => say!("{x}: failed ({error})"),
        }
    }
}

/// 3번 일은 panic하고, 5번 일은 그 일을 돌리는 작업 프로세스를 죽입니다.
/// Task 3 panics; task 5 crashes the worker that runs it.
fn work(x: u64) -> u64 {
    match x {
        3 => panic!("no square for {x}"),
        5 => std::process::abort(),
        _ => x * x,
    }
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    each_on_its_own(work, &[1, 2, 3, 4, 5, 6]);
}
