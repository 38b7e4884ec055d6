//! 연습 28의 풀이 — 일마다 끝나면 자기 자리와 결과를 채널로 보냅니다. main은 오는 순서대로
//! 받고(`as_completed`), 각각 제자리에 둡니다(`map`의 순서).
//!
//! Exercise 28, a solution: each task sends its place and result on a channel
//! when it is done; main receives them in the order they come (`as_completed`) and puts each in
//! its place (`map`'s order).

use common::python::Py;
use common::{say, sleep_secs};
use std::sync::mpsc;
use std::thread;

pub fn submit_all(xs: &[u64], work: fn(u64) -> u64) -> Vec<u64> {
    let (done, results) = mpsc::channel();
    for (i, &x) in xs.iter().enumerate() {
        let done = done.clone();
        thread::spawn(move || done.send((i, x, work(x))).expect("send a result"));
    }
    drop(done); // main 자신의 송신자: 일마다의 송신자가 모두 사라지면 아래 반복이 끝남 (main's own sender: the loop below ends when every task's is gone)
    let mut in_order = vec![0; xs.len()];
    for (i, x, y) in results {
        say!("as_completed: {x} -> {y}");
        in_order[i] = y;
    }
    in_order
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
