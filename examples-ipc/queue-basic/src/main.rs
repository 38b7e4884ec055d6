//! 4. 프로세스 간 객체 교환 — 1) 큐(Queue) — first snippet: a FIFO queue (notes §4).
//!
//! 실행 / Run: `cargo run -p queue-basic`
//! 눈여겨볼 점: 1, 2, 3이 들어간 순서대로 나옵니다. 한 프로세스 안에서만 쓰면 파이썬의 `mp.Queue`는
//! 그냥 먼저 들어간 것이 먼저 나오는 큐입니다. 러스트에서는 이런 큐가 채널이고(여기서는 `crossbeam`의
//! 채널), 보내는 끝과 받는 끝이 서로 다른 값입니다.
//! Notice: 1, 2, 3 come out in the order they went in. Used within one process, Python's
//! `mp.Queue` is just a first-in, first-out queue; in Rust that is a channel (`crossbeam`'s here),
//! whose sending and receiving ends are two values.

use common::say;

fn main() {
    let (q_put, q) = crossbeam_channel::unbounded();
    q_put.send(1).expect("put 1");
    q_put.send(2).expect("put 2");
    q_put.send(3).expect("put 3");
    let data1 = q.recv().expect("get");
    let data2 = q.recv().expect("get");
    let data3 = q.recv().expect("get");
    say!("{data1}");
    say!("{data2}");
    say!("{data3}");
}
