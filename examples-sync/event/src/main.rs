//! 공유 상태 — `threading.Event`: workers wait until main sets it (after the notes).
//!
//! 실행 / Run: `cargo run -p event`
//! 눈여겨볼 점: main의 "main sets the event" 줄 전에는 어느 작업자도 다음으로 넘어가지 않습니다. std에는
//! 이벤트가 없습니다. `common::sync::Event`는 `Mutex` 안의 플래그와 `Condvar`이고, `while` 반복문
//! 안에서 기다립니다.
//! Notice: no worker goes on before main's "main sets the event" line. std has no event;
//! `common::sync::Event` is a flag in a `Mutex` with a `Condvar`, waited on in a `while` loop.

use common::sync::Event;
use common::{say, sleep_secs};
use std::thread;

fn main() {
    let event = Event::new();
    thread::scope(|scope| {
        for i in 0..3 {
            let event = &event;
            thread::Builder::new()
                .name(format!("worker {i}"))
                .spawn_scoped(scope, move || {
                    say!("worker {i} waits");
                    event.wait();
                    say!("worker {i} goes on");
                })
                .expect("spawn a worker");
        }
        sleep_secs(1.0);
        say!("main sets the event");
        event.set();
    });
}
