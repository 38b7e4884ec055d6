//! 잘못된 풀이(두 번째 블라인드 리뷰): Semaphore 대신 잠금 두 개를 두고, 작업자 i는 i % 2번 잠금을 잡습니다.
//! 안에 둘을 넘지는 않지만, 한 자리가 비어도 다른 자리의 작업자들은 자기 잠금을 기다립니다.
//! Wrong (from the second blind review): two locks in place of a Semaphore, worker i taking
//! lock i % 2: never more than two inside, but with one place free the other lock's workers
//! wait for their own.
//! Named: Semaphore
use common::say;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

pub fn at_most_two(workers: usize, inside_ms: u64) {
    let lanes = Arc::new([Mutex::new(()), Mutex::new(())]);
    let handles: Vec<thread::JoinHandle<()>> = (0..workers)
        .map(|i| {
            let lanes = Arc::clone(&lanes);
            thread::Builder::new()
                .name(format!("worker {i}"))
                .spawn(move || {
                    let _lane = lanes[i % 2].lock().unwrap_or_else(|e| e.into_inner());
                    say!("enter {i}");
                    thread::sleep(Duration::from_millis(inside_ms));
                    say!("leave {i}");
                })
                .expect("spawn a worker")
        })
        .collect();
    for handle in handles {
        handle.join().expect("a worker");
    }
}

fn main() {
    at_most_two(6, 500);
}
