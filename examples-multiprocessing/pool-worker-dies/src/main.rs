//! Pool 사용하기, after the notes — a worker killed in the middle of a `map`.
//!
//! 실행 / Run: `cargo run -p pool-worker-dies`
//! 눈여겨볼 점: `map`은 죽은 작업자와 그 작업자가 잃은 항목을 밝힌 오류를 돌려줍니다. 풀은 새
//! 작업자를 시작하고, 다음 `map`은 성공합니다. CPython 3.11의 `Pool.map`은 여기서 영원히 기다립니다
//! (오래전부터 알려진 bpo-22393). 그래서 짝이 되는 `python/pool-worker-dies.py`는 시간 제한으로 끝냅니다.
//! Notice: the `map` returns an error naming the worker and the items it lost; the pool starts a
//! new worker, and the next `map` succeeds. CPython 3.11's `Pool.map` waits forever here (the
//! long-known bpo-22393): its twin, `python/pool-worker-dies.py`, is ended by a timeout.

use common::pool::Pool;
use common::python::Py;
use common::say;
use nix::sys::signal::{Signal, kill};

/// OOM killer나 `kill -9`처럼, 항목 3은 자기를 돌리는 작업자를 죽입니다.
/// Item 3 kills the worker that runs it, as the OOM killer or a `kill -9` would.
fn work(x: u32) -> u32 {
    if x == 3 {
        let _ = kill(nix::unistd::getpid(), Signal::SIGKILL);
    }
    x
}

fn square(x: u32) -> u32 {
    x * x
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    let pool = Pool::new(2).expect("start the pool");
    let before = pool.worker_pids();
    match pool.map_chunked(work, 0..8, 1) {
        Ok(results) => say!("map: {}", Py(&results)),
        Err(error) => say!("map failed: {error}"),
    }
    say!(
        "next map: {}",
        Py(&pool.map(square, 0..8).expect("the next map"))
    );
    let after = pool.worker_pids();
    let new = after.iter().filter(|pid| !before.contains(pid)).count();
    say!("workers replaced: {new}");
}
