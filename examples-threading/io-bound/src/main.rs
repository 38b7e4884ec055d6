//! 5. 멀티프로세싱과 PyQt, the I/O paragraph — waiting is what threads do well.
//!
//! 실행 / Run: `cargo run -p io-bound`
//! 눈여겨볼 점: 1초 기다리기 다섯 번은 차례로 하면 5초, 스레드 다섯 개에서는 1초쯤 걸립니다. I/O를
//! 기다리는 스레드는(여기서는 sleep이 네트워크나 디스크 대신입니다) CPU를 쓰지 않으므로, 기다림들이
//! 겹칩니다. 노트도 파이썬이 그렇다고 말합니다. 스레드가 기다리는 동안에는 GIL이 풀립니다.
//! Notice: five waits of 1 s take 5 s one after another, and about 1 s on five threads: a thread
//! that waits for I/O (here a sleep stands in for the network or the disk) costs no CPU, so the
//! waits overlap. The notes say the same of Python: its GIL is released while a thread waits.

use common::{current_thread_name, say, sleep_secs};
use std::thread;
use std::time::Instant;

/// 요청 하나: "네트워크"를 1초 기다립니다.
/// One request: wait for the "network" for a second.
fn fetch() {
    sleep_secs(1.0);
    say!("{} done", current_thread_name());
}

fn main() {
    let started = Instant::now();
    for _ in 0..5 {
        sleep_secs(1.0);
    }
    let serial = started.elapsed().as_secs_f64();
    say!("5 waits one after another: {serial:.2} s");

    let started = Instant::now();
    let requests: Vec<_> = (0..5)
        .map(|i| {
            thread::Builder::new()
                .name(format!("request {i}"))
                .spawn(fetch)
                .expect("spawn a thread")
        })
        .collect();
    for request in requests {
        request.join().expect("request thread");
    }
    let threaded = started.elapsed().as_secs_f64();
    say!(
        "5 waits on 5 threads: {threaded:.2} s ({:.1}x faster)",
        serial / threaded
    );
}
