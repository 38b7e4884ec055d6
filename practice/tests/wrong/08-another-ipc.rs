//! Wrong: another IPC than the pipe: the rounds go over two queues, with a child of the
//! program's own making; the `answer` handed in is never run.

use common::ipc::{Connection, IpcReceiver, IpcSender};
use common::process::Process;
use common::say;

fn answer(_child_conn: Connection, _rounds: u32) {}

fn child(pings: IpcReceiver<String>, pongs: IpcSender<String>, rounds: u32) {
    for _ in 0..rounds {
        let ping = pings.recv().expect("a ping");
        say!("child got {ping}");
        pongs.send(ping.replace("ping", "pong")).expect("a pong");
    }
}

pub fn ping_pong(rounds: u32, _answer: impl Fn(Connection, u32) + Copy + 'static) {
    let (to_child, pings) = common::ipc::channel::<String>().expect("a queue");
    let (pongs, from_child) = common::ipc::channel::<String>().expect("a queue");
    let mut p = Process::target(child, (pings, pongs, rounds)).name("SubProcess");
    p.start().expect("start the child");
    for i in 0..rounds {
        to_child.send(format!("ping {i}")).expect("send a ping");
        let pong = from_child.recv().expect("a pong");
        say!("parent got {pong}");
    }
    p.join();
}

fn main() {
    ping_pong(5, answer);
}
