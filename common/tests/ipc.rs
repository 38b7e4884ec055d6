//! Pipes, queues and shared memory between real processes, from a single-threaded `main`.

mod support;

use common::ipc::{ConnectionError, RecvError, pipe, recv_from};
use common::process::Process;
use common::shm::{Array, Value};
use ipc_channel::ipc;
use serde_bytes::ByteBuf;
use std::rc::Rc;
use std::time::Duration;

fn main() -> std::process::ExitCode {
    support::run(tests![
        pipe_recv_fails_when_the_child_is_killed,
        pipe_recv_fails_when_the_child_panics,
        queue_recv_fails_when_the_sender_is_killed,
        queue_recv_is_disconnected_when_no_sender_is_left,
        queue_recv_waits_for_a_live_sender_that_is_slow,
        ten_thousand_mixed_messages_each_way_through_the_pipe,
        two_children_reading_one_end_never_see_an_error,
        ten_thousand_mixed_messages_each_way_through_the_queue,
        a_child_writes_into_the_parents_shared_memory,
        no_segment_name_is_left_in_dev_shm,
    ])
}

fn sleep_forever() -> ! {
    loop {
        std::thread::sleep(Duration::from_secs(1));
    }
}

fn pipe_recv_fails_when_the_child_is_killed() {
    let (parent_conn, child_conn) = pipe().expect("pipe");
    let mut p = Process::new(move || {
        let _ = child_conn.recv::<u32>();
        sleep_forever();
    });
    p.start().expect("start");
    parent_conn.send(&1u32).expect("send");
    p.kill();
    assert!(matches!(
        parent_conn.recv::<u32>(),
        Err(ConnectionError::Closed)
    ));
    p.join();
    assert_eq!(p.exitcode(), Some(-9));
}

fn pipe_recv_fails_when_the_child_panics() {
    let (parent_conn, child_conn) = pipe().expect("pipe");
    let mut p = Process::new(move || {
        let _keep = child_conn;
        std::panic::set_hook(Box::new(|_| {})); // keep the test's output quiet
        panic!("a deliberate panic before replying");
    });
    p.start().expect("start");
    assert!(matches!(
        parent_conn.recv::<u32>(),
        Err(ConnectionError::Closed)
    ));
    p.join();
    assert_eq!(p.exitcode(), Some(1));
}

fn queue_recv_fails_when_the_sender_is_killed() {
    let (put, q) = ipc::channel::<u32>().expect("channel");
    // The parent keeps a sender, as `queue-process` does for its second child: only watching
    // the child can tell that nothing will come.
    let mut p = Process::new({
        let put = put.clone();
        move || {
            let _put = put;
            sleep_forever();
        }
    });
    p.start().expect("start");
    p.kill();
    match recv_from(&q, &mut p) {
        Err(RecvError::SenderDied {
            exitcode: Some(-9), ..
        }) => {}
        other => panic!("expected SenderDied, got {other:?}"),
    }
    drop(put);
}

fn queue_recv_is_disconnected_when_no_sender_is_left() {
    let (put, q) = ipc::channel::<u32>().expect("channel");
    let mut p = Process::new(move || {
        put.send(5).expect("send");
    });
    p.start().expect("start");
    // The only sender was moved into the child (the parent's copy went at `start`).
    assert_eq!(recv_from(&q, &mut p).expect("the value sent"), 5);
    p.join();
    assert!(matches!(q.recv(), Err(ipc_channel::IpcError::Disconnected)));
}

/// A sender that is alive but slow (it sends after 400 ms, the parent keeping a sender of its
/// own) is waited for: its value comes, not `SenderDied` (cargo-mutants' survivor: a `recv_from`
/// that took "no value yet" for "dead" passed every other test).
fn queue_recv_waits_for_a_live_sender_that_is_slow() {
    let (put, q) = ipc::channel::<u32>().expect("channel");
    let mut p = Process::new({
        let put = put.clone();
        move || {
            std::thread::sleep(std::time::Duration::from_millis(400));
            put.send(8).expect("send");
        }
    });
    p.start().expect("start");
    assert_eq!(recv_from(&q, &mut p).expect("the value sent late"), 8);
    p.join();
    drop(put);
}

/// Message `i`: its index and a body whose size runs from 1 byte to 1 MiB. Most are small; every
/// 10th is 64 KiB and every 100th 1 MiB, about 160 MB each way in all. The bytes are a window
/// into a fixed pattern that starts at a place set by `i`, so a message that arrived torn, twice
/// or out of order shows.
fn message(i: u32) -> (u32, ByteBuf) {
    (i, ByteBuf::from(body(i).to_vec()))
}

fn body(i: u32) -> &'static [u8] {
    static PATTERN: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let pattern =
        PATTERN.get_or_init(|| (0..(1u32 << 20) + 251).map(|k| (k % 251) as u8).collect());
    let size = match i {
        i if i % 100 == 0 => 1 << 20,
        i if i % 10 == 0 => 64 << 10,
        i => 1 + (i as usize * 7919) % 4096,
    };
    let start = (i % 251) as usize;
    &pattern[start..start + size]
}

const MESSAGES: u32 = 10_000;

#[track_caller]
fn check(got: &(u32, ByteBuf), expected: u32) {
    assert_eq!(got.0, expected, "a message lost, doubled or out of order");
    assert!(
        got.1.as_slice() == body(expected),
        "message {expected} arrived damaged"
    );
}

fn ten_thousand_mixed_messages_each_way_through_the_pipe() {
    let (parent_conn, child_conn) = pipe().expect("pipe");
    let mut p = Process::new(move || {
        // Each message is checked here, then a fresh copy goes back: 10,000 each way.
        for i in 0..MESSAGES {
            let got: (u32, ByteBuf) = child_conn.recv().expect("child recv");
            check(&got, i);
            child_conn.send(&message(i)).expect("child send");
        }
    });
    p.start().expect("start");
    for i in 0..MESSAGES {
        parent_conn.send(&message(i)).expect("parent send");
        check(&parent_conn.recv().expect("parent recv"), i);
    }
    p.join();
    assert_eq!(p.exitcode(), Some(0));
}

/// Two forked children read and answer on copies of one end (as two Python processes may share a
/// `Connection`). `recv` sleeps at once today; a `recv` that looked without blocking first (one
/// did, and was taken back: `bench/notes.md`) sets the nonblocking flag on the socket both hold,
/// and the other's blocking `recv` must not take that for an error (with such looks and no retry,
/// this failed 8 runs of 8). Each round wakes both children at once, so that a looking `recv`
/// would look in both, then sleep in one while the other still looks.
fn two_children_reading_one_end_never_see_an_error() {
    const ROUNDS: u32 = 1_500;
    let (parent_conn, shared) = pipe().expect("pipe");
    let shared = Rc::new(shared);
    let mut children: Vec<Process> = (0..2)
        .map(|_| {
            let end = Rc::clone(&shared);
            let mut p = Process::new(move || {
                loop {
                    let value: u32 = end.recv().expect("child recv");
                    if value == u32::MAX {
                        break;
                    }
                    end.send(&value).expect("child send");
                }
            });
            p.start().expect("start");
            p
        })
        .collect();
    drop(shared); // only the children hold that end now: if both die, recv says Closed
    for i in 0..ROUNDS {
        parent_conn.send(&i).expect("parent send");
        parent_conn.send(&i).expect("parent send");
        assert_eq!(parent_conn.recv::<u32>().expect("parent recv"), i);
        assert_eq!(parent_conn.recv::<u32>().expect("parent recv"), i);
        // Longer than a look: both children go to sleep in a blocking `recv` before the next.
        std::thread::sleep(Duration::from_micros(100));
    }
    for _ in &children {
        parent_conn.send(&u32::MAX).expect("stop");
    }
    for p in &mut children {
        p.join();
        assert_eq!(p.exitcode(), Some(0), "a child's recv failed");
    }
}

fn ten_thousand_mixed_messages_each_way_through_the_queue() {
    let (to_child, child_queue) = ipc::channel::<(u32, ByteBuf)>().expect("channel");
    let (to_parent, parent_queue) = ipc::channel::<(u32, ByteBuf)>().expect("channel");
    let mut p = Process::new(move || {
        for i in 0..MESSAGES {
            check(&child_queue.recv().expect("child recv"), i);
            to_parent.send(message(i)).expect("child send");
        }
    });
    p.start().expect("start");
    for i in 0..MESSAGES {
        to_child.send(message(i)).expect("parent send");
        check(&recv_from(&parent_queue, &mut p).expect("parent recv"), i);
    }
    p.join();
    assert_eq!(p.exitcode(), Some(0));
}

fn a_child_writes_into_the_parents_shared_memory() {
    let num = Rc::new(Value::new(0.0).expect("value"));
    let arr = Rc::new(Array::new(0..10).expect("array"));
    let (n, a) = (Rc::clone(&num), Rc::clone(&arr));
    let mut p = Process::new(move || {
        n.set(1.5);
        for i in 0..a.len() {
            a.set(i, -a.get(i));
        }
    });
    p.start().expect("start");
    p.join();
    assert_eq!(p.exitcode(), Some(0));
    assert_eq!(num.get(), 1.5);
    assert_eq!(arr.to_vec(), (0..10).map(|x: i32| -x).collect::<Vec<_>>());
}

fn shm_entries() -> Vec<String> {
    std::fs::read_dir("/dev/shm")
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn no_segment_name_is_left_in_dev_shm() {
    let before = shm_entries();
    let value = Value::new(1i32).expect("value");
    let array = Array::new([1.0, 2.0]).expect("array");
    // The segments are mapped and in use, yet their names are already gone.
    let during: Vec<String> = shm_entries()
        .into_iter()
        .filter(|e| !before.contains(e))
        .collect();
    assert!(
        during.is_empty(),
        "segments visible in /dev/shm: {during:?}"
    );
    assert_eq!((value.get(), array.get(1)), (1, 2.0));
}
