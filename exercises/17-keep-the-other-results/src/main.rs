//! 연습 17 — 나머지 결과 지키기 (Pool — 실패한 일과 죽은 작업 프로세스)
//! Exercise 17 — keep the other results (the Pool: a task that fails, a worker that dies)
//!
//! 할 일: `each_on_its_own(work, xs)`는 풀에서 `xs`의 값마다 `work`를 돌리고, 결과마다 "x: y"를
//! 입력 순서대로 출력합니다. 일 하나는 panic하고, 하나는 작업 프로세스를 죽입니다(abort). 그런 일은
//! "x: failed (까닭)"을 출력하고, 다른 결과는 모두 출력하세요. 지금은 `map`이 하나라도 실패하면 통째로
//! 실패해서, 멀쩡한 결과까지 잃습니다(파이썬의 `pool.map`이 예외 하나로 전부를 잃듯이). 검사기는
//! 어느 일이 실패하는지 모르는 자기 `work`로 이 함수를 부릅니다.
//! Task: `each_on_its_own(work, xs)` runs `work` on each value of `xs` in a pool and prints
//! "x: y" for each result, in the inputs' order. One task panics, and one kills its worker
//! (abort). For those, print "x: failed (why)", and print every other result. Today `map` fails
//! as a whole when one task fails, and the good results are lost with it (as Python's `pool.map`
//! loses all to one exception). The checker calls the function with a `work` of its own that fails
//! on tasks you do not know.
//!
//! 확인 / Check: `cargo run -p practice -- check 17`

use common::pool::Pool;
use common::say;

pub fn each_on_its_own(work: fn(u64) -> u64, xs: &[u64]) {
    let pool = Pool::new(xs.len()).expect("start the pool"); // 일마다 작업 프로세스 하나 (a worker for each task)
    // TODO: 일마다 결과 하나, 또는 실패 하나.
    //       one result, or one failure, per task.
    match pool.map(work, xs.to_vec()) {
        Ok(ys) => {
            for (x, y) in xs.iter().zip(ys) {
                say!("{x}: {y}");
            }
        }
        Err(error) => say!("map failed: {error}"),
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
