//! 연습 28 — 끝나는 대로 받기 (공유 상태 — ThreadPoolExecutor의 as_completed와 map)
//! Exercise 28 — results as they complete (shared state, ThreadPoolExecutor's as_completed and map)
//!
//! 할 일: `submit_all(xs, work)`는 `xs`의 값마다 스레드 하나에서 `work`를 돌립니다
//! (`executor.submit`). 일이 끝나는 대로 바로 "as_completed: x -> y"를 출력하고(`as_completed`),
//! 결과는 `xs`의 순서대로 돌려주세요(`executor.map`). 지금은 `xs`의 순서대로 join해서, 앞의 일이
//! 느리면 먼저 끝난 결과도 그 뒤에야 출력됩니다. 결과는 main(부르는 쪽)이 출력합니다. 검사기는
//! 느린 일 하나가 섞인 자기 `work`로 이 함수를 부릅니다.
//! Task: `submit_all(xs, work)` runs `work` on each value of `xs`, each on a thread of its own
//! (`executor.submit`). Print "as_completed: x -> y" as soon as each task is done
//! (`as_completed`), and return the results in the order of `xs` (`executor.map`). Today it joins
//! in the order of `xs`, so a slow task in front holds back results that are already done. The
//! caller (main) prints the results. The checker calls the function with a `work` of its own that
//! has one slow task.
//!
//! 확인 / Check: `cargo run -p practice -- check 28`

use common::python::Py;
use common::{say, sleep_secs};
use std::thread;

pub fn submit_all(xs: &[u64], work: fn(u64) -> u64) -> Vec<u64> {
    let handles: Vec<thread::JoinHandle<u64>> =
        xs.iter().map(|&x| thread::spawn(move || work(x))).collect();
    // TODO: 순서와 상관없이, 일이 끝나는 대로 그 결과를 출력하세요.
    //       print each result as soon as its task is done, whatever the order.
    let mut results = Vec::new();
    for (x, handle) in xs.iter().zip(handles) {
        let y = handle.join().expect("a task");
        say!("as_completed: {x} -> {y}");
        results.push(y);
    }
    results
}

/// 작업: 수가 작을수록 오래 걸립니다.
/// The work: the smaller the number, the longer it takes.
fn slow_square(x: u64) -> u64 {
    sleep_secs(0.2 * (5 - x) as f64);
    x * x
}

fn main() {
    let squares = submit_all(&[1, 2, 3, 4], slow_square);
    say!("map: {}", Py(&squares));
}
