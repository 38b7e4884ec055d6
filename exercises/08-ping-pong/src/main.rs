//! 연습 08 — Pipe로 핑퐁 다섯 번 (노트 4. 프로세스 간 객체 교환 — 2) Pipe())
//! Exercise 08 — a ping-pong of five rounds over a Pipe (notes 4, Pipe())
//!
//! 할 일: 부모가 "ping i"를 보내면 자식이 출력하고 "pong i"로 답하고, 부모가 그 답을 출력합니다. 다섯 번,
//! 순서대로. 지금은 자식이 답하지 않아서 부모가 pong을 받지 못합니다.
//! Task: the parent sends "ping i", the child prints it and answers "pong i", and the parent prints
//! the answer: five rounds, in order. Today the child never answers, and no pong arrives.
//! 검사기는 `ping_pong`을 다른 횟수와 자기 `answer`로도 호출하고, 여러분의 `answer`에 무작위 번호를 붙인
//! 핑을 보내 봅니다(퐁의 번호는 받은 핑에서 읽으세요).
//! The checker also calls `ping_pong` with other numbers of rounds and an `answer` of its own,
//! and sends your `answer` pings with drawn numbers (take the pong's number from the ping).
//!
//! 확인 / Check: `cargo run -p practice -- check 08`

use common::ipc::Connection;
use common::process::Process;
use common::say;

/// 자식 쪽 끝: 핑을 하나씩 받아 출력합니다.
/// The child's end: takes each ping and prints it.
pub fn answer(child_conn: Connection, rounds: u32) {
    for _ in 0..rounds {
        let ping: String = child_conn.recv().expect("a ping");
        say!("child got {ping}");
        // TODO: "pong i"로 답하세요(i는 그 핑의 번호).
        //       answer with "pong i" (the number of the ping).
    }
}

/// 부모 쪽 끝: 핑을 `rounds`번 보내고, 다음 핑 전에 답을 받습니다.
/// The parent's end: `rounds` pings, each answered before the next.
pub fn ping_pong(rounds: u32, answer: impl Fn(Connection, u32) + Copy + 'static) {
    let (parent_conn, child_conn) = common::ipc::pipe().expect("a pipe");
    let mut child = Process::target(answer, (child_conn, rounds)).name("SubProcess");
    child.start().expect("start the child");
    for i in 0..rounds {
        parent_conn.send(&format!("ping {i}")).expect("send a ping");
        match parent_conn.recv::<String>() {
            Ok(pong) => say!("parent got {pong}"),
            Err(error) => say!("no pong: {error}"),
        }
    }
    child.join();
}

fn main() {
    ping_pong(5, answer);
}
