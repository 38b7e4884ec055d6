//! 4. 프로세스 간 객체 교환 — 2) Pipe(): a duplex connection between two processes (notes §4).
//!
//! 실행 / Run: `cargo run -p pipe`
//! 눈여겨볼 점: 자식은 자기가 생기기도 전에 부모가 보낸 것을 출력하고(소켓 안에서 기다리고 있었습니다),
//! 그다음 부모가 자식의 답을 출력합니다. 파이썬의 `Pipe()`처럼 양 끝은 소켓입니다(`ipc-channel`
//! socketpair 두 개로, 방향마다 하나). 메시지는 하나하나 serde로 직렬화되고, `child_conn` 자체는
//! `spawn`으로 시작한 자식에게 파일 디스크립터로 건너갑니다.
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
    say!("{}", Py(&message)); // 출력: "[31, None, 'send from parent_conn']" (prints "[31, None, 'send from parent_conn']")
    let reply: Message = (42, None, "send from child_conn".into());
    conn.send(&reply).expect("send to the parent");
    conn.close();
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    let (parent_conn, child_conn) = pipe().expect("create the pipe");
    let message: Message = (31, None, "send from parent_conn".into());
    parent_conn.send(&message).expect("send to the child");
    // `child_conn`은 자식에게 옮겨 갑니다. 자식이 시작하고 나면 부모에게는 그 사본이 없으므로, 자식이
    // 죽으면 아래의 `recv`가 영원히 기다리지 않고 실패합니다.
    // `child_conn` moves to the child: the parent keeps no copy of it once the child has started,
    // so a child that dies makes `recv` below fail instead of waiting forever.
    let mut p = Process::target(f, child_conn);
    p.start().expect("start the child");
    let reply: Message = parent_conn.recv().expect("receive from the child");
    say!("{}", Py(&reply)); // 출력: "[42, None, 'send from child_conn']" (prints "[42, None, 'send from child_conn']")
    p.join();
}
