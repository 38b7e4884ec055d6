//! 4. 프로세스 간 객체 교환 — 2) Pipe(): a duplex connection between two processes (notes §4).
//!
//! Run: `cargo run -p pipe`
//! Notice: the child prints what the parent sent before the child existed (it waited in the
//! socket), then the parent prints the child's reply. Like Python's `Pipe()`, the ends are
//! sockets (two `ipc-channel` socketpairs, one each way); each message is serialized with serde,
//! and `child_conn` itself reaches a `spawn` child as its descriptors.

use common::ipc::{Connection, pipe};
use common::process::Process;
use common::python::Py;
use common::say;

type Message = (i32, Option<i32>, String);

fn f(conn: Connection) {
    let message: Message = conn.recv().expect("receive from the parent");
    say!("{}", Py(&message)); // prints "[31, None, 'send from parent_conn']"
    let reply: Message = (42, None, "send from child_conn".into());
    conn.send(&reply).expect("send to the parent");
    conn.close();
}

fn main() {
    common::init(); // if __name__ == '__main__':
    let (parent_conn, child_conn) = pipe().expect("create the pipe");
    let message: Message = (31, None, "send from parent_conn".into());
    parent_conn.send(&message).expect("send to the child");
    // `child_conn` moves to the child: the parent keeps no copy of it once the child has started,
    // so a child that dies makes `recv` below fail instead of waiting forever.
    let mut p = Process::target(f, child_conn);
    p.start().expect("start the child");
    let reply: Message = parent_conn.recv().expect("receive from the child");
    say!("{}", Py(&reply)); // prints "[42, None, 'send from child_conn']"
    p.join();
}
