//! 4. 프로세스 간 객체 교환 — 1) 큐(Queue), second snippet: children put, the parent gets (notes §4).
//!
//! Run: `cargo run -p queue-process`
//! Notice: `[42, None, 'process 1']` then `[31, None, 'process 2']`, each sent by a different child
//! over one `ipc-channel` queue (a Unix socket underneath): the list is serialized in the child
//! and rebuilt in the parent, as Python pickles it.

use common::ipc::recv_from;
use common::process::Process;
use common::python::Py;
use common::say;
use ipc_channel::ipc::{self, IpcSender};

/// Python's list `[42, None, 'process 1']` holds any mix of types; the closest Rust value is a
/// tuple of fixed types. `Py` prints it with the list's look.
type Message = (i32, Option<i32>, String);

fn f(q: IpcSender<Message>, l: Message) {
    q.send(l).expect("put on the queue");
}

fn main() {
    common::init(); // if __name__ == '__main__':
    // Python's `Queue()` is one object that every process holds. Here the ends are separate:
    // each child gets a sender, and the parent keeps the receiver.
    let (q_put, q) = ipc::channel::<Message>().expect("create the queue");
    let mut p1 = Process::target(f, (q_put.clone(), (42, None, "process 1".into())));
    let mut p2 = Process::target(f, (q_put, (31, None, "process 2".into())));

    p1.start().expect("start p1");
    // Python's `q.get()` would wait forever if p1 died before putting; `recv_from` watches p1.
    say!("{}", Py(&recv_from(&q, &mut p1).expect("get from p1"))); // [42, None, 'process 1']
    p1.join();
    p2.start().expect("start p2");
    say!("{}", Py(&recv_from(&q, &mut p2).expect("get from p2"))); // [31, None, 'process 2']
    p2.join();
}
