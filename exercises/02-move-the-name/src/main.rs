//! 연습 02 — 스레드에게 이름을 넘기기 (노트 1.1 threading 모듈 사용하기)
//! Exercise 02 — hand the name to the thread (notes 1.1, starting threads)
//!
//! 할 일: 이 프로그램은 컴파일되지 않습니다. 컴파일러의 오류 메시지를 읽고, 스레드가 `name`을 빌리는 대신
//! 소유하도록 고치세요. 다섯 스레드가 각자 자기 이름을 출력해야 합니다.
//! Task: this program does not compile. Read what the compiler says, and make the thread own
//! `name` instead of borrowing it. Each of the five threads must print its name.
//!
//! 확인 / Check: `cargo run -p practice -- check 02`

use common::say;
use std::thread;

fn main() {
    let mut threads = Vec::new();
    for i in 0..5 {
        let name = format!("thread {i}");
        // TODO: 클로저가 `name`을 빌리는데, 반복이 다음으로 넘어가면 `name`은 사라집니다.
        //       the closure borrows `name`, which is gone when the loop moves on.
        threads.push(thread::spawn(|| {
            say!("hello from {name}");
        }));
    }
    for t in threads {
        t.join().expect("a thread panicked");
    }
}
