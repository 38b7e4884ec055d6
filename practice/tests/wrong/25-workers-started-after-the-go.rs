//! 잘못된 풀이(세 번째 블라인드 리뷰): Event 없이, 'main: go'를 찍은 뒤에야 작업자를 시작합니다. 아무도 신호를 기다리지 않습니다.
//! Wrong (from the third blind review): no Event; the workers are started only after 'main: go',
//! so no one waits for the signal.
//! Named: not all alive before 'main: go'
use common::say;
use std::thread;
use std::time::Duration;

pub fn release_after(workers: usize, prep_ms: u64) {
    thread::sleep(Duration::from_millis(prep_ms));
    say!("main: go");
    let handles: Vec<thread::JoinHandle<()>> = (0..workers)
        .map(|i| {
            thread::Builder::new()
                .name(format!("worker {i}"))
                .spawn(move || {
                    say!("worker {i} goes");
                })
                .expect("spawn a worker")
        })
        .collect();
    for handle in handles {
        handle.join().expect("a worker");
    }
}

fn main() {
    release_after(3, 1200);
}
