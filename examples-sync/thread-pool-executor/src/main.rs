//! 공유 상태 — `concurrent.futures.ThreadPoolExecutor`: submit, result, as_completed, map.
//!
//! 실행 / Run: `cargo run -p thread-pool-executor`
//! 눈여겨볼 점: `as_completed`는 끝나는 대로 결과를 돌려주고(느린 작은 수가 마지막), `map`은 입력
//! 순서대로 돌려줍니다. 러스트의 `thread::scope`는 스레드가 빌려 쓸 수 있게 하고, 끝에서 모두 조인합니다.
//! 채널은 끝난 순서를 주고, rayon의 `par_iter().map()`이 `executor.map`입니다.
//! Notice: `as_completed` hands results back as they finish (the slow small numbers last), `map`
//! in input order. Rust's `thread::scope` lets the threads borrow and is joined at its end; a
//! channel gives completion order; rayon's `par_iter().map()` is `executor.map`.

use common::python::Py;
use common::{say, sleep_secs};
use rayon::prelude::*;
use std::sync::mpsc;
use std::thread;

/// 작업: 수가 작을수록 오래 걸립니다.
/// The work: the smaller the number, the longer it takes.
fn square(x: u64) -> u64 {
    sleep_secs(0.2 * (5 - x) as f64);
    x * x
}

fn main() {
    thread::scope(|scope| {
        // 파이썬의 `executor.submit(square, 4)` 다음 `future.result()`: `scope` 안의 스레드 하나를 조인합니다.
        // `executor.submit(square, 4)` then `future.result()`: a scoped thread, joined.
        let future = scope.spawn(|| square(4));
        say!(
            "submit(square, 4).result(): {}",
            future.join().expect("the task")
        );

        // 파이썬의 `as_completed(...)`: 일마다 끝나면 결과를 보냅니다.
        // `as_completed(...)`: each task sends its result when it is done.
        let (done, results) = mpsc::channel();
        for x in 1..=4 {
            let done = done.clone();
            scope.spawn(move || done.send((x, square(x))).expect("send a result"));
        }
        drop(done);
        for (x, result) in results {
            say!("as_completed: square({x}) = {result}");
        }
    });

    // 파이썬의 `list(executor.map(square, [1, 2, 3, 4]))`: 입력 순서대로 놓인 결과.
    // `list(executor.map(square, [1, 2, 3, 4]))`: results in input order.
    let squares: Vec<u64> = [1, 2, 3, 4].into_par_iter().map(square).collect();
    say!("map: {}", Py(&squares));
}
