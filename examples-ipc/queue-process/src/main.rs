//! 4. 프로세스 간 객체 교환 — 1) 큐(Queue) — second snippet: children put, the parent gets (notes §4).
//!
//! 실행 / Run: `cargo run -p queue-process`
//! 눈여겨볼 점: `[42, None, 'process 1']` 다음에 `[31, None, 'process 2']`가 나옵니다. 서로 다른 자식이
//! `ipc-channel` 큐 하나(밑에서는 유닉스 소켓)로 보낸 것입니다. 리스트는 자식이 직렬화하고 부모가
//! 다시 만듭니다. 파이썬이 피클하는 것과 같습니다.
//! Notice: `[42, None, 'process 1']` then `[31, None, 'process 2']`, each sent by a different child
//! over one `ipc-channel` queue (a Unix socket underneath): the list is serialized in the child
//! and rebuilt in the parent, as Python pickles it.

use common::ipc::recv_from;
use common::process::Process;
use common::python::Py;
use common::say;
use ipc_channel::ipc::{self, IpcSender};

/// 파이썬의 리스트 `[42, None, 'process 1']`에는 아무 타입이나 섞어 담을 수 있습니다. 가장 가까운
/// 러스트 값은 타입이 정해진 튜플입니다. `Py`는 이 튜플을 리스트 모양으로 출력합니다.
/// Python's list `[42, None, 'process 1']` holds any mix of types; the closest Rust value is a
/// tuple of fixed types. `Py` prints it with the list's look.
type Message = (i32, Option<i32>, String);

fn f(q: IpcSender<Message>, l: Message) {
    q.send(l).expect("put on the queue");
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    // 파이썬의 `Queue()`는 모든 프로세스가 쥐는 객체 하나입니다. 여기서는 양 끝이 따로입니다. 자식마다
    // 송신자를 받고, 부모는 수신자를 가집니다.
    // Python's `Queue()` is one object that every process holds. Here the ends are separate:
    // each child gets a sender, and the parent keeps the receiver.
    let (q_put, q) = ipc::channel::<Message>().expect("create the queue");
    let mut p1 = Process::target(f, (q_put.clone(), (42, None, "process 1".into())));
    let mut p2 = Process::target(f, (q_put, (31, None, "process 2".into())));

    p1.start().expect("start p1");
    // 파이썬의 `q.get()`은 p1이 넣기 전에 죽으면 영원히 기다립니다. `recv_from`은 p1을 지켜봅니다.
    // Python's `q.get()` would wait forever if p1 died before putting; `recv_from` watches p1.
    say!("{}", Py(&recv_from(&q, &mut p1).expect("get from p1"))); // 출력: [42, None, 'process 1']
    p1.join();
    p2.start().expect("start p2");
    say!("{}", Py(&recv_from(&q, &mut p2).expect("get from p2"))); // 출력: [31, None, 'process 2']
    p2.join();
}
