//! Wrong (from the second blind review): the child never receives; it sleeps in place of each
//! ping and prints "child got ping i" from a counter of its own.
//! Named: must take 5 pings off the pipe
use common::ipc::Connection;
use common::process::Process;
use common::say;

pub fn answer(child_conn: Connection, rounds: u32) {
    for i in 0..rounds {
        common::sleep_secs(0.1);
        say!("child got ping {i}");
        child_conn.send(&format!("pong {i}")).expect("send a pong");
    }
    common::sleep_secs(0.1);
}

pub fn ping_pong(rounds: u32, answer: impl Fn(Connection, u32) + Copy + 'static) {
    let (parent_conn, child_conn) = common::ipc::pipe().expect("a pipe");
    let mut child = Process::target(answer, (child_conn, rounds)).name("SubProcess");
    child.start().expect("start the child");
    for i in 0..rounds {
        // A child that never reads may be gone before the last ping: no panic here, so that the
        // refusal names the habit (a soak saw "send a ping: Closed" reported first).
        if parent_conn.send(&format!("ping {i}")).is_err() {
            break;
        }
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
