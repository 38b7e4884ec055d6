//! 틀림(세 번째 눈가림 검토에서): 채널에서 결과를 오는 대로 받지 않고 main이
//! 500ms마다 핸들마다 `is_finished`를 봅니다. 느린 일 동안 몇 번만 깨어나서
//! 깨는 횟수만 세던 때는 통과했고, 조용한 틈 규칙이 잡습니다.
//! Wrong (from the third blind review): main looks at every handle's `is_finished` every 500 ms,
//! in place of taking the results from a channel as they come: it wakes only a few times while the
//! slow task runs, so it passed while only the wakes were counted; the quiet-spell rule catches it.
//! Named: is not waiting

use common::python::Py;
use common::{say, sleep_secs};
use std::thread;
use std::time::Duration;

pub fn submit_all(xs: &[u64], work: fn(u64) -> u64) -> Vec<u64> {
    let mut handles: Vec<Option<thread::JoinHandle<u64>>> = xs
        .iter()
        .map(|&x| Some(thread::spawn(move || work(x))))
        .collect();
    let mut results = vec![0; xs.len()];
    let mut left = xs.len();
    while left > 0 {
        for (i, slot) in handles.iter_mut().enumerate() {
            if slot.as_ref().is_some_and(|h| h.is_finished()) {
                let y = slot.take().unwrap().join().expect("a task");
                say!("as_completed: {} -> {y}", xs[i]);
                results[i] = y;
                left -= 1;
            }
        }
        if left > 0 {
            thread::sleep(Duration::from_millis(500));
        }
    }
    results
}

fn slow_square(x: u64) -> u64 {
    sleep_secs(0.2 * (5 - x) as f64);
    x * x
}

fn main() {
    let squares = submit_all(&[1, 2, 3, 4], slow_square);
    say!("map: {}", Py(&squares));
}
