//! What a child of every start method receives with its arguments: the parent's IPC objects
//! themselves (their descriptors passed), not copies; and what only a fork takes along.

use super::{Unpicklable, exitcode, started};
use common::ipc::{Connection, ConnectionError, IpcSender, channel, pipe};
use common::process::{Process, StartMethod};
use common::shm::{Array, Value};

fn child(put: IpcSender<String>, conn: Connection, (value, array): (Value<i32>, Array<i32>)) {
    put.send("by the queue".to_owned()).expect("put");
    let n: i32 = conn.recv().expect("the parent's number");
    value.set(n);
    array.set(2, n + 1);
    conn.send("by the pipe").expect("send");
    // Left held as the child ends: the parent sees the same lock taken.
    std::mem::forget(value.get_lock().acquire());
}

/// A queue's end, a pipe's end, a `Value` with its lock and an `Array` reach the child as the
/// same objects: what it writes, the parent reads.
pub fn queue_pipe_value_array_and_lock_travel() {
    let (put, queue) = channel::<String>().expect("queue");
    let (ours, theirs) = pipe().expect("pipe");
    let value = Value::new(0).expect("value");
    let array = Array::new([0, 0, 0]).expect("array");
    ours.send(&41).expect("send before the child exists");
    let mut p = started(Process::target(
        child,
        (put, theirs, (value.clone(), array.clone())),
    ));
    assert_eq!(queue.recv().expect("get"), "by the queue");
    assert_eq!(ours.recv::<String>().expect("recv"), "by the pipe");
    p.join();
    assert_eq!(p.exitcode(), Some(0));
    assert_eq!((value.get(), array.to_vec()), (41, vec![0, 0, 42]));
    assert!(
        value.get_lock().try_acquire().is_none(),
        "the child's lock is ours"
    );
}

fn wait_for_close(conn: Connection) {
    assert!(matches!(conn.recv::<u8>(), Err(ConnectionError::Closed)));
}

/// A spawned (or fork-served) child holds only the end it was given, so it sees the parent close
/// its own; a forked child holds a copy of every descriptor and would wait forever.
pub fn the_child_sees_the_parent_close_its_end() {
    let (ours, theirs) = pipe().expect("pipe");
    let mut p = started(Process::target(wait_for_close, theirs));
    drop(ours);
    p.join();
    assert_eq!(p.exitcode(), Some(0));
}

/// The parent sees a dead child's end close, under every method.
pub fn the_parent_sees_a_dead_childs_end_close() {
    let (ours, theirs) = pipe().expect("pipe");
    let p = Process::target(|_: Connection| panic!("dies"), theirs);
    assert_eq!(exitcode(p), Some(1));
    assert!(matches!(ours.recv::<u8>(), Err(ConnectionError::Closed)));
}

/// Python's `fork` pickles nothing: what cannot be serialized still goes to a forked child.
pub fn a_fork_takes_arguments_as_they_are() {
    let p = Process::target(|_: Unpicklable| {}, Unpicklable).start_method(StartMethod::Fork);
    assert_eq!(exitcode(p), Some(0));
}
