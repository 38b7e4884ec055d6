//! 연습 08의 풀이 — Exercise 08, a solution: the child answers each ping before the next.

use common::process::Process;
use common::say;

fn main() {
    let (parent_conn, child_conn) = common::ipc::pipe().expect("a pipe");
    let mut child = Process::new(move || {
        for _ in 0..5 {
            let ping: String = child_conn.recv().expect("a ping");
            say!("child got {ping}");
            let pong = ping.replace("ping", "pong");
            child_conn.send(&pong).expect("send a pong");
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
