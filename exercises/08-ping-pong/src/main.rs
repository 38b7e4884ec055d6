//! 연습 08 — Pipe로 핑퐁 다섯 번 (노트 4. 프로세스 간 객체 교환 — 2) Pipe())
//! Exercise 08 — a ping-pong of five rounds over a Pipe (notes 4, Pipe())
//!
//! 할 일: 부모가 "ping i"를 보내면 자식이 찍고 "pong i"로 답하고, 부모가 그 답을 찍습니다. 다섯 번,
//! 순서대로. 지금은 자식이 답하지 않아서 부모가 pong을 받지 못합니다.
//! Task: the parent sends "ping i", the child prints it and answers "pong i", and the parent prints
//! the answer: five rounds, in order. Today the child never answers, and no pong arrives.
//!
//! 확인 / check: `cargo run -p practice -- check 08`

use common::process::Process;
use common::say;

fn main() {
    let (parent_conn, child_conn) = common::ipc::pipe().expect("a pipe");
    let mut child = Process::new(move || {
        for _ in 0..5 {
            let ping: String = child_conn.recv().expect("a ping");
            say!("child got {ping}");
            // TODO: answer with "pong i" (the number of the ping).
        }
    })
    .name("SubProcess");
    child.start().expect("start the child");
    for i in 0..5 {
        parent_conn.send(&format!("ping {i}")).expect("send a ping");
        match parent_conn.recv::<String>() {
            Ok(pong) => say!("parent got {pong}"),
            Err(error) => say!("no pong: {error}"),
        }
    }
    child.join();
}
