//! The start methods that run the program again, `spawn` and `forkserver`: the same cases for
//! both (`spawn.rs` and `forkserver.rs` each run them under their method). A child is a fresh run
//! of this test program (or a fork of one), which reaches its target at `common::init()`, the
//! first line of `main`.
//!
//! The same binary is also the helper program some tests run (`METHODS_TEST_HELPER`): a parent
//! whose death, signal or late `init` the test watches from outside.

use common::process::{Process, ProcessError, StartMethod, get_start_method, set_start_method};
use nix::sys::signal::{Signal, kill};
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::Pid;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

mod parents;
mod stopped;
mod travel;

const HELPER: &str = "METHODS_TEST_HELPER";

static METHOD: std::sync::OnceLock<StartMethod> = std::sync::OnceLock::new();

/// The method under test.
fn method() -> StartMethod {
    *METHOD.get().expect("set by main_for")
}

/// The test program's `main`, for `method`.
pub fn main_for(method: StartMethod) -> std::process::ExitCode {
    METHOD.set(method).expect("once");
    if let Ok(role) = std::env::var(HELPER) {
        parents::helper(&role);
        return std::process::ExitCode::SUCCESS;
    }
    common::init(); // a child runs its target here (a fork server serves) and never returns
    set_start_method(method).expect("the first choice");
    // Orphans of the helper parents are handed to us, so that we can reap them.
    nix::sys::prctl::set_child_subreaper(true).expect("become a child subreaper");
    let mut tests = crate::tests![
        the_method_is_set_once,
        a_global_changed_before_start_is_seen_by_fork_only,
        the_child_has_its_name_and_parent,
        arguments_of_every_shape_arrive,
        arguments_that_cannot_be_serialized_are_an_error_at_start,
        a_closure_is_refused_and_taken_by_fork,
        a_start_is_allowed_while_threads_run,
        a_childs_panic_ends_it_with_1,
        a_child_forks_children_of_its_own,
        a_pools_workers_see_the_globals_of_its_method,
        a_killed_pool_server_fails_a_waiting_get,
        a_child_blocks_no_signal,
        parents::a_child_dies_with_its_killed_parent,
        parents::a_child_outlives_the_thread_that_started_it,
        parents::sigterm_or_sigint_ends_the_children_first,
        parents::a_main_that_prints_before_init_fails_in_the_child,
        parents::a_bad_start_method_is_exit_2,
        travel::queue_pipe_value_array_and_lock_travel,
        travel::the_child_sees_the_parent_close_its_end,
        travel::the_parent_sees_a_dead_childs_end_close,
        travel::a_fork_takes_arguments_as_they_are,
    ];
    if method == StartMethod::ForkServer {
        tests.extend(crate::tests![
            stopped::a_stopped_fork_server_is_an_error_then_replaced,
            stopped::a_killed_fork_server_is_replaced_at_the_next_start,
            stopped::a_lying_fork_server_is_an_error_and_is_ended,
        ]);
    }
    crate::support::run(tests)
}

fn started(p: Process) -> Process {
    let mut p = p;
    p.start().expect("start");
    p
}

fn exitcode(p: Process) -> Option<i32> {
    let mut p = p;
    p.start().expect("start");
    p.join();
    p.exitcode()
}

fn the_method_is_set_once() {
    assert_eq!(get_start_method(), method());
    let error = set_start_method(StartMethod::Fork).expect_err("a second choice");
    assert_eq!(error.method, method());
    assert!(
        error
            .to_string()
            .starts_with("context has already been set")
    );
}

static NUM: AtomicU32 = AtomicU32::new(1);

/// Exits 0 when the child's `NUM` is `expected`.
fn num_is(expected: u32) {
    std::process::exit(i32::from(NUM.load(Ordering::SeqCst) != expected));
}

fn a_global_changed_before_start_is_seen_by_fork_only() {
    NUM.store(2, Ordering::SeqCst);
    // A fork is a copy of this process as it is now; a spawn is this program from its start, and
    // a fork server's child is a copy of the server, which is this program from its start too.
    let fork = Process::target(num_is, 2).start_method(StartMethod::Fork);
    assert_eq!(exitcode(fork), Some(0), "a fork child sees NUM = 2");
    assert_eq!(
        exitcode(Process::target(num_is, 1)),
        Some(0),
        "{} sees NUM = 1",
        method()
    );
    NUM.store(1, Ordering::SeqCst);
}

fn name_and_parent((parent, method): (u32, StartMethod)) {
    let me = common::current_process();
    let up = common::parent_process().expect("a child has a parent");
    let comm = std::fs::read_to_string("/proc/self/comm").expect("comm");
    let ok = me.name == "SubProcess"
        && me.ppid == parent
        && me.pid != parent
        && up
            == common::ParentProcess {
                name: "MainProcess".into(),
                pid: parent,
            }
        && comm.trim_end() == "SubProcess"
        && get_start_method() == method;
    std::process::exit(i32::from(!ok));
}

fn the_child_has_its_name_and_parent() {
    let p = Process::target(name_and_parent, (std::process::id(), method())).name("SubProcess");
    assert_eq!(exitcode(p), Some(0));
}

fn arguments_of_every_shape_arrive() {
    assert_eq!(exitcode(Process::target(|| {}, ())), Some(0));
    let three = |a: String, b: Vec<u8>, c: (i64, bool)| {
        assert_eq!(
            (a.as_str(), b.as_slice(), c),
            ("a", &[1u8, 2][..], (-3, true))
        );
    };
    assert_eq!(
        exitcode(Process::target(
            three,
            ("a".to_owned(), vec![1u8, 2], (-3i64, true))
        )),
        Some(0)
    );
    let two = |a: u8, b: u8| assert_eq!(a + b, 5);
    assert_eq!(exitcode(Process::target(two, (2u8, 3u8))), Some(0));
    let wrong = |a: u8, b: u8| assert_eq!(a + b, 6);
    assert_eq!(exitcode(Process::target(wrong, (2u8, 3u8))), Some(1));
}

/// A value whose `Serialize` fails, as Python's pickle fails on a socket or a lock.
#[derive(serde::Deserialize)]
struct Unpicklable;

impl serde::Serialize for Unpicklable {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom(
            "cannot pickle 'Unpicklable' object",
        ))
    }
}

fn arguments_that_cannot_be_serialized_are_an_error_at_start() {
    let mut p = Process::target(|_: Unpicklable| {}, Unpicklable);
    let error = p.start().expect_err("PicklingError");
    assert!(matches!(error, ProcessError::Arguments(_)), "{error}");
    // postcard keeps no custom message; the type is named.
    assert!(
        error
            .to_string()
            .starts_with("cannot serialize the arguments: ")
            && error.to_string().contains("Unpicklable did not serialize"),
        "{error}"
    );
    assert!(p.pid().is_none(), "nothing was started");
}

fn a_closure_is_refused_and_taken_by_fork() {
    let value = 7;
    let mut p = Process::new(move || assert_eq!(value, 7));
    let error = p.start().expect_err("only fork can take a closure");
    assert!(matches!(error, ProcessError::NotSpawnable), "{error}");
    assert!(error.to_string().contains("Process::target"), "{error}");
    // Refused before anything started: the same value starts under fork.
    let p = Process::new(move || assert_eq!(value, 7)).start_method(StartMethod::Fork);
    assert_eq!(exitcode(p), Some(0));
}

fn a_start_is_allowed_while_threads_run() {
    let (stop, stopped) = std::sync::mpsc::channel::<()>();
    let busy = std::thread::spawn(move || stopped.recv());
    assert_eq!(exitcode(Process::target(|| {}, ())), Some(0));
    let refused = Process::target(|| {}, ()).start_method(StartMethod::Fork);
    let mut refused = refused;
    assert!(matches!(
        refused.start(),
        Err(ProcessError::ThreadsRunning(_))
    ));
    stop.send(()).expect("stop");
    let _ = busy.join();
}

fn num() -> u32 {
    NUM.load(Ordering::SeqCst)
}

fn set_num_to_5() {
    NUM.store(5, Ordering::SeqCst);
}

/// A pool's server is started by the method, and its workers are forks of it: under `fork` they
/// see the program's globals as at `Pool::new`, under the others the program's first state; the
/// initializer and the functions are found in them all.
fn a_pools_workers_see_the_globals_of_its_method() {
    NUM.store(3, Ordering::SeqCst);
    let pool = common::pool::Pool::builder().processes(2);
    let forked = pool
        .clone()
        .start_method(StartMethod::Fork)
        .build()
        .expect("fork pool");
    assert_eq!(forked.apply(|()| num(), ()).expect("apply"), 3);
    let ours = pool.build().expect("pool");
    assert_eq!(ours.map(|_: u8| num(), [0, 1]).expect("map"), [1, 1]);
    drop((forked, ours));
    let initialized = common::pool::Pool::builder()
        .processes(1)
        .initializer(set_num_to_5)
        .build()
        .expect("pool with an initializer");
    assert_eq!(initialized.apply(|()| num(), ()).expect("apply"), 5);
    NUM.store(1, Ordering::SeqCst);
}

/// A pool whose server this method started, killed while the program waits: `ServerDied`.
fn a_killed_pool_server_fails_a_waiting_get() {
    crate::support::a_killed_pool_server_fails_a_waiting_get(method());
}

/// A child of this method has one thread (its lifeline is the kernel's, not a watcher thread),
/// so it can fork grandchildren: a pool's server does.
fn a_child_forks_children_of_its_own() {
    fn parent() {
        assert_eq!(common::process::thread_count(), 1);
        let mut p = Process::target(|| {}, ()).start_method(StartMethod::Fork);
        p.start().expect("fork a grandchild");
        p.join();
        assert_eq!(p.exitcode(), Some(0));
    }
    assert_eq!(exitcode(Process::target(parent, ())), Some(0));
}

fn a_childs_panic_ends_it_with_1() {
    let p = Process::target(|n: u32| assert!(n > 5, "too small: {n}"), 3);
    assert_eq!(exitcode(p), Some(1));
}

/// Exits 0 when no signal is blocked in this process (`SigBlk` in `/proc/self/status`).
fn no_signal_blocked() {
    let status = std::fs::read_to_string("/proc/self/status").expect("status");
    let blocked = status.lines().find_map(|line| line.strip_prefix("SigBlk:"));
    std::process::exit(i32::from(
        blocked.map(str::trim) != Some("0000000000000000"),
    ));
}

fn a_child_blocks_no_signal() {
    // The parent holds SIGINT and SIGTERM back while it spawns; a mask survives `exec`, and a
    // child that kept it would ignore the exit rule's SIGTERM.
    assert_eq!(exitcode(Process::target(no_signal_blocked, ())), Some(0));
}
