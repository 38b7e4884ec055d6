//! Wrong (from the third blind review): the child answers "pong n" from its own counter, not
//! from the ping it received: right only while the pings are numbered 0, 1, 2, ...
//! Named: do not count

use common::ipc::Connection;
use common::process::Process;
use common::say;

pub fn answer(child_conn: Connection, rounds: u32) {
    for n in 0..rounds {
        let ping: String = child_conn.recv().expect("a ping");
        say!("child got {ping}");
        child_conn.send(&format!("pong {n}")).expect("send a pong");
    }
}

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
