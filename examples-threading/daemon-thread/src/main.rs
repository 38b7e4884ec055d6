//! 데몬 스레드 만들기 : Daemon속성 — daemon threads (notes §1.1).
//!
//! 실행 / Run: `cargo run -p daemon-thread`
//! 눈여겨볼 점: 마지막 줄은 "main thread end"이고, 프로그램은 바로 끝납니다. `main`이 반환할 때
//! 작업자들은 아직 자고 있고, 러스트의 스레드는 모두 자기 프로세스와 함께 죽습니다. 파이썬이 데몬
//! 스레드(`t.daemon = True`)라고 부르는 것이 러스트에서는 그냥 기본입니다. "sub thread end"는 한 번도
//! 출력되지 않습니다.
//! Notice: "main thread end" is the last line, and the program ends at once. The workers are still
//! asleep when `main` returns, and every Rust thread dies with its process: what Python calls a
//! daemon thread (`t.daemon = True`) is simply Rust's default. No "sub thread end" ever prints.

use common::{current_thread_name, say, sleep_secs};
use std::sync::mpsc;
use std::thread;

/// 노트의 `Worker.run`입니다. 첫 줄을 출력하고 나면 `started`로 알립니다.
/// The notes' `Worker.run`; it reports on `started` once its first line is out.
fn run(started: mpsc::Sender<()>) {
    say!("sub thread start  {}", current_thread_name());
    let _ = started.send(());
    sleep_secs(3.0);
    say!("sub thread end  {}", current_thread_name());
}

fn main() {
    say!("main thread start");
    let (started, has_started) = mpsc::channel();
    for i in 0..5 {
        let name = format!("thread {i}");
        let started = started.clone();
        // 설정할 `daemon = True`가 없습니다. 러스트에는 다른 종류의 스레드가 없습니다.
        // No `daemon = True` to set: there is no other kind of thread in Rust.
        thread::Builder::new()
            .name(name)
            .spawn(move || run(started))
            .expect("spawn a worker thread");

        // 파이썬의 `start()`는 새 스레드가 돌 때까지 기다리고, GIL 아래에서는 새 스레드가 거의 언제나 main이
        // 다음으로 넘어가기 전에 출력합니다. 러스트의 스레드는 동시에 돌기 때문에, 작업자가 아무것도 출력하기 전에 main이
        // 끝에 닿을 수도 있습니다. 스레드마다 "start" 줄을 기다려서 노트의 출력을 그대로 지킵니다.
        // Python's `start()` waits until the new thread runs, and under the GIL it nearly always
        // prints before main goes on. Rust threads run in parallel, so main could reach its end
        // before a worker printed anything; waiting for each "start" line keeps the notes' output.
        has_started.recv().expect("the worker reports its start");
    }
    say!("main thread end");
    // `main`은 조인하지 않고 여기서 반환합니다. 프로세스가 끝나고, 자고 있던 작업자들도 함께 끝납니다.
    // `main` returns here without joining: the process exits and the sleeping workers with it.
}
