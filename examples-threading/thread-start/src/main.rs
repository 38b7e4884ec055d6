//! 1.1 threading 모듈 사용하기 — starting threads (notes §1.1).
//!
//! 실행 / Run: `cargo run -p thread-start`
//! 눈여겨볼 점: "main thread end"는 바로 나오고, "sub thread end" 다섯 줄은 3초쯤 뒤에 아무 순서로나
//! 나옵니다. 프로그램은 파이썬처럼 그 줄들을 기다립니다. 파이썬은 (데몬이 아닌) 스레드가 끝날 때까지
//! 프로세스를 살려 두지만 러스트는 그러지 않으므로, `main`이 마지막 줄 뒤에 스레드들을 조인합니다.
//! Notice: "main thread end" comes at once, the five "sub thread end" lines about 3 s later in
//! any order, and the program waits for them, as Python does. Python keeps the process alive for
//! its (non-daemon) threads; Rust does not, so `main` joins them after its last line.

use common::{current_thread_name, say, sleep_secs};
use std::thread;

/// 노트의 `Worker.run`입니다. 파이썬은 `Thread`를 상속해 `run`을 재정의하지만, 러스트에서는 스레드를
/// 이름과 함께 만들고 돌릴 함수를 넘겨줍니다.
/// The notes' `Worker.run`. Python subclasses `Thread` and overrides `run`; in Rust a thread is
/// built with a name and handed the function to run.
fn run() {
    // 파이썬의 `print("...", name)`은 인자 사이에 공백을 하나 넣는데, 문자열이 이미 공백으로 끝나므로
    // 실제 프로그램은 공백 두 개를 출력합니다. 그래서 이 프로그램도 그렇게 출력합니다.
    // Python's `print("...", name)` puts a space between its arguments, after the one the string
    // already ends with: the real program prints two spaces, so this one does too.
    say!("sub thread start  {}", current_thread_name());
    sleep_secs(3.0);
    say!("sub thread end  {}", current_thread_name());
}

fn main() {
    say!("main thread start");
    let mut workers = Vec::new();
    for i in 0..5 {
        let name = format!("thread {i}");
        let worker = thread::Builder::new()
            .name(name)
            .spawn(run)
            .expect("spawn a worker thread");
        workers.push(worker);
    }
    say!("main thread end");

    // 파이썬 인터프리터가 끝날 때 말없이 하는 일: 데몬이 아닌 스레드를 모두 기다립니다. 러스트
    // 프로세스는 `main`이 반환하면 스레드들을 데리고 끝나므로, 여기서 기다립니다.
    // What Python's interpreter does silently at exit: wait for every non-daemon thread.
    // A Rust process ends when `main` returns, taking its threads with it, so we wait here.
    for worker in workers {
        worker.join().expect("worker thread panicked");
    }
}
