//! 연습 01 — 스레드 다섯 개를 기다리기 (노트 1.1 threading 모듈 사용하기)
//! Exercise 01 — wait for the five threads (notes 1.1, starting threads)
//!
//! 할 일: `main`이 "main thread end"를 출력한 뒤, 다섯 스레드가 모두 "sub thread end"를 출력할 때까지
//! 기다리게 하세요. 지금은 `main`이 먼저 반환해서 스레드가 끝 메시지를 출력하지 못합니다.
//! Task: after "main thread end", make `main` wait until all five threads have printed
//! "sub thread end". Today `main` returns first, and the threads never get to print it.
//!
//! 확인 / Check: `cargo run -p practice -- check 01`

use common::{current_thread_name, say, sleep_secs};
use std::thread;

fn run() {
    say!("sub thread start  {}", current_thread_name());
    sleep_secs(3.0);
    say!("sub thread end  {}", current_thread_name());
}

fn main() {
    say!("main thread start");
    for i in 0..5 {
        // TODO: `spawn`이 돌려주는 핸들을 버리지 말고 보관해 두세요.
        //       keep the handle that `spawn` returns.
        thread::Builder::new()
            .name(format!("thread {i}"))
            .spawn(run)
            .expect("spawn a thread");
    }
    say!("main thread end");
    // TODO: 여기서 스레드마다 join하세요.
    //       join every thread here.
}
