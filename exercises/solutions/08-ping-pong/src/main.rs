//! 연습 08의 풀이 — 자식이 핑마다 다음 핑이 오기 전에 답합니다.
//!
//! Exercise 08, a solution: the child answers each ping before the next.

use common::ipc::Connection;
use common::process::Process;
use common::say;

/// 자식 쪽 끝: 핑을 하나씩 받아 출력하고 답합니다.
/// The child's end: takes each ping, prints it and answers it.
pub fn answer(child_conn: Connection, rounds: u32) {
    for _ in 0..rounds {
        let ping: String = child_conn.recv().expect("a ping");
        say!("child got {ping}");
        let pong = ping.replace("ping", "pong");
        child_conn.send(&pong).expect("send a pong");
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
