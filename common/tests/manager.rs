//! `common::manager`: a server process, its proxies in other processes and pool workers, and its
//! failures (killed, shut down) as errors in bounded time. Peers that stall, lie or flood it:
//! `manager_peers.rs`.

mod support;

use common::manager::{DictProxy, LockProxy, Manager, ManagerError, QueueProxy};
use common::pool::Pool;
use common::process::Process;
use std::time::{Duration, Instant};

fn main() -> std::process::ExitCode {
    common::init();
    support::run(tests![
        four_processes_write_into_one_dict_and_one_list,
        a_namespace_gives_copies_that_must_be_set_back,
        the_lock_keeps_read_then_write_exact_across_processes,
        a_queue_get_waits_for_a_put_from_another_process,
        an_event_releases_every_waiter,
        proxies_travel_in_pool_tasks,
        a_killed_manager_fails_every_call_within_a_second,
        a_stopped_manager_makes_a_call_wait_until_it_goes_on,
        a_proxy_used_after_shutdown_is_an_error,
        a_waiter_killed_while_waiting_does_not_keep_the_lock,
    ])
}

fn started(p: Process) -> Process {
    let mut p = p;
    p.start().expect("start");
    p
}

fn four_processes_write_into_one_dict_and_one_list() {
    let manager = Manager::start().expect("manager");
    assert_ne!(manager.pid(), Some(std::process::id()));
    let d = manager.dict::<u32, String>().expect("dict");
    let l = manager.list::<u32>().expect("list");
    let mut workers: Vec<Process> = (0..4)
        .map(|i| {
            let work = |i: u32, d: DictProxy<u32, String>, l: common::manager::ListProxy<u32>| {
                d.set(i, format!("from {i}")).expect("set");
                l.append(i * 10).expect("append");
            };
            started(Process::target(work, (i, d.clone(), l.clone())))
        })
        .collect();
    for p in &mut workers {
        p.join();
        assert_eq!(p.exitcode(), Some(0));
    }
    let mut items = d.items().expect("items");
    items.sort();
    let expected: Vec<(u32, String)> = (0..4).map(|i| (i, format!("from {i}"))).collect();
    assert_eq!(items, expected);
    let mut list = l.to_vec().expect("list");
    list.sort();
    assert_eq!(list, [0, 10, 20, 30]);
    let pid = manager.pid().expect("pid") as i32;
    manager.shutdown();
    // Gone: not even a zombie (shutdown joined it).
    assert!(nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None).is_err());
}

fn a_namespace_gives_copies_that_must_be_set_back() {
    let manager = Manager::start().expect("manager");
    let ns = manager.namespace().expect("namespace");
    ns.set("lst", vec![1]).expect("set");
    let child = |ns: common::manager::Namespace| {
        let mut lst: Vec<i32> = ns.get("lst").expect("get");
        lst.push(2); // Python's ns.lst.append(2): a copy changes
        let mut again: Vec<i32> = ns.get("lst").expect("get");
        assert_eq!(again, [1], "the manager's list did not change");
        again.push(3);
        ns.set("lst", again).expect("set it back");
        ns.set("x", 7).expect("set x");
    };
    let mut p = started(Process::target(child, ns.clone()));
    p.join();
    assert_eq!(p.exitcode(), Some(0));
    assert_eq!(ns.get::<Vec<i32>>("lst").expect("lst"), [1, 3]);
    assert_eq!(ns.get::<i32>("x").expect("x"), 7);
    let missing = ns.get::<i32>("y").expect_err("no attribute y");
    assert!(
        missing.to_string().contains("has no attribute 'y'"),
        "{missing}"
    );
}

fn the_lock_keeps_read_then_write_exact_across_processes() {
    const TIMES: u32 = 200;
    let manager = Manager::start().expect("manager");
    let d = manager.dict::<String, u32>().expect("dict");
    let lock = manager.lock().expect("lock");
    d.set("n".into(), 0).expect("set");
    let add = |d: DictProxy<String, u32>, lock: LockProxy| {
        for _ in 0..TIMES {
            let _held = lock.acquire().expect("acquire");
            let n = d.get(&"n".into()).expect("get").expect("n");
            d.set("n".into(), n + 1).expect("set");
        }
    };
    let mut workers: Vec<Process> = (0..2)
        .map(|_| started(Process::target(add, (d.clone(), lock.clone()))))
        .collect();
    for p in &mut workers {
        p.join();
        assert_eq!(p.exitcode(), Some(0));
    }
    assert_eq!(d.get(&"n".into()).expect("get"), Some(2 * TIMES));
    assert!(lock.release().is_err(), "releasing a free lock is an error");
}

fn a_queue_get_waits_for_a_put_from_another_process() {
    let manager = Manager::start().expect("manager");
    let q = manager.queue::<String>().expect("queue");
    let answers = manager.queue::<String>().expect("queue");
    let child = |q: QueueProxy<String>, answers: QueueProxy<String>| {
        let got = q.get().expect("get waits for the put");
        answers.put(format!("got {got}")).expect("put");
    };
    let mut p = started(Process::target(child, (q.clone(), answers.clone())));
    q.put("hello".into()).expect("put");
    assert_eq!(answers.get().expect("answer"), "got hello");
    p.join();
    assert_eq!(p.exitcode(), Some(0));
    assert_eq!(q.qsize().expect("qsize"), 0);
}

fn an_event_releases_every_waiter() {
    let manager = Manager::start().expect("manager");
    let event = manager.event().expect("event");
    let done = manager.queue::<u32>().expect("queue");
    let waiter = |i: u32, event: common::manager::EventProxy, done: QueueProxy<u32>| {
        event.wait().expect("wait");
        done.put(i).expect("put");
    };
    let mut workers: Vec<Process> = (0..3)
        .map(|i| started(Process::target(waiter, (i, event.clone(), done.clone()))))
        .collect();
    assert!(!event.is_set().expect("is_set"));
    assert_eq!(
        done.qsize().expect("qsize"),
        0,
        "no waiter went on before set"
    );
    event.set().expect("set");
    let mut got: Vec<u32> = (0..3).map(|_| done.get().expect("get")).collect();
    got.sort();
    assert_eq!(got, [0, 1, 2]);
    for p in &mut workers {
        p.join();
    }
}

fn put_square(q: QueueProxy<u64>, x: u64) -> u64 {
    q.put(x * x).expect("put");
    x
}

/// What a plain queue cannot do (a pool's tasks are encoded values): a proxy is its address.
fn proxies_travel_in_pool_tasks() {
    let manager = Manager::start().expect("manager");
    let q = manager.queue::<u64>().expect("queue");
    let pool = Pool::new(2).expect("pool");
    let tasks: Vec<(QueueProxy<u64>, u64)> = (1..=4).map(|x| (q.clone(), x)).collect();
    assert_eq!(
        pool.starmap(put_square, tasks).expect("starmap"),
        [1, 2, 3, 4]
    );
    let mut squares: Vec<u64> = (0..4).map(|_| q.get().expect("get")).collect();
    squares.sort();
    assert_eq!(squares, [1, 4, 9, 16]);
}

fn a_killed_manager_fails_every_call_within_a_second() {
    let manager = Manager::start().expect("manager");
    let d = manager.dict::<u8, u8>().expect("dict");
    let q = manager.queue::<u8>().expect("queue");
    let (put, result) = common::ipc::channel::<bool>().expect("channel");
    // A child blocked in a get when the manager dies.
    let waiter = |q: QueueProxy<u8>, put: common::ipc::IpcSender<bool>| {
        let failed = matches!(q.get(), Err(ManagerError::Gone(_)));
        put.send(failed).expect("send");
    };
    let mut p = started(Process::target(waiter, (q.clone(), put)));
    d.set(1, 1).expect("set before");
    let pid = nix::unistd::Pid::from_raw(manager.pid().expect("pid") as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL).expect("kill the manager");
    let started = Instant::now();
    let got = common::ipc::recv_from(&result, &mut p).expect("the waiter's verdict");
    assert!(got, "the blocked get failed as Gone");
    assert!(matches!(d.get(&1), Err(ManagerError::Gone(_))));
    assert!(matches!(q.put(1), Err(ManagerError::Gone(_))));
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    p.join();
    drop(manager); // reaps it
}

/// A manager stopped (SIGSTOP) in the middle of the program: a proxy call waits, as Python's
/// does (a stopped manager cannot answer: an order the stop makes, not a timing), and when the
/// manager goes on (SIGCONT) the call returns its answer; nothing fails, nothing is lost.
fn a_stopped_manager_makes_a_call_wait_until_it_goes_on() {
    use nix::sys::signal::{Signal, kill};
    let manager = Manager::start().expect("manager");
    let d = manager.dict::<u8, u8>().expect("dict");
    d.set(1, 7).expect("set");
    let pid = nix::unistd::Pid::from_raw(manager.pid().expect("pid") as i32);
    kill(pid, Signal::SIGSTOP).expect("stop the manager");
    let (answer, answered) = std::sync::mpsc::channel();
    let caller = d.clone();
    let call = std::thread::spawn(move || answer.send(caller.get(&1)));
    let while_stopped = answered.recv_timeout(Duration::from_millis(500));
    kill(pid, Signal::SIGCONT).expect("the manager goes on");
    assert!(while_stopped.is_err(), "answered while stopped");
    let got = answered
        .recv_timeout(Duration::from_secs(10))
        .expect("answered once it went on");
    assert_eq!(got.expect("the call"), Some(7));
    call.join().expect("the caller").expect("sent");
    assert_eq!(d.get(&1).expect("a later call"), Some(7));
}

fn a_proxy_used_after_shutdown_is_an_error() {
    let manager = Manager::start().expect("manager");
    let l = manager.list::<u8>().expect("list");
    manager.shutdown();
    assert!(matches!(l.append(1), Err(ManagerError::Gone(_))));
    assert!(matches!(l.clone().len(), Err(ManagerError::Gone(_))));
}

fn wait_then_put(lock: LockProxy, done: QueueProxy<u8>) {
    let _held = lock.acquire().expect("acquire");
    done.put(1).expect("put");
}

/// A process killed while it waited for the lock cannot be handed it: the next waiter is. The
/// manager is stopped (SIGSTOP) while the waiter dies and main releases, so that it sees the
/// release before the dead waiter's end-of-file, and must pass the lock over it.
fn a_waiter_killed_while_waiting_does_not_keep_the_lock() {
    use nix::sys::signal::{Signal, kill};
    let manager = Manager::start().expect("manager");
    let lock = manager.lock().expect("lock");
    let done = manager.queue::<u8>().expect("queue");
    let held = lock.acquire().expect("main holds it");
    let settle = || std::thread::sleep(Duration::from_millis(300)); // a start, a connect, a send
    let mut doomed = started(Process::target(wait_then_put, (lock.clone(), done.clone())));
    settle();
    let mut next = started(Process::target(wait_then_put, (lock.clone(), done.clone())));
    settle();
    let pid = nix::unistd::Pid::from_raw(manager.pid().expect("pid") as i32);
    kill(pid, Signal::SIGSTOP).expect("stop the manager");
    doomed.kill();
    doomed.join();
    let resume = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        kill(pid, Signal::SIGCONT).expect("resume the manager");
    });
    drop(held); // the release, answered once the manager runs again
    resume.join().expect("resume");
    assert_eq!(done.get().expect("the next waiter got the lock"), 1);
    next.join();
    assert_eq!(next.exitcode(), Some(0));
}
