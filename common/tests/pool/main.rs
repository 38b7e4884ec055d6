//! The pool, tested from a single-threaded `main` (it forks its server from the calling thread):
//! its calls here, its workers' lives (replaced, initialized, failed, killed) in `workers.rs`.
//!
//! The same binary is also the helper some tests run: with `POOL_TEST_HELPER` set it plays a
//! program with a pool, whose death the test watches from outside.

#[path = "../support/mod.rs"]
mod support;
mod workers;

use common::pool::{Pool, PoolError};
use nix::sys::signal::{Signal, kill};
use nix::sys::wait::{WaitPidFlag, waitpid};
use nix::unistd::Pid;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const HELPER: &str = "POOL_TEST_HELPER";

fn main() -> std::process::ExitCode {
    if let Ok(role) = std::env::var(HELPER) {
        workers::helper(&role);
        return std::process::ExitCode::SUCCESS;
    }
    // Orphans of a killed helper are handed to us, so that we can reap them.
    nix::sys::prctl::set_child_subreaper(true).expect("become a child subreaper");
    support::run(tests![
        the_workers_start_once_and_serve_every_call,
        the_workers_are_children_of_the_fork_server,
        a_pool_of_no_process_is_an_error,
        map_keeps_input_order_and_spreads_over_every_worker,
        map_of_nothing_is_empty,
        the_default_chunksize_is_pythons_for_the_pools_size,
        starmap_applies_a_two_argument_function_to_pairs,
        imap_yields_in_input_order_and_imap_unordered_yields_every_result,
        apply_and_apply_async_give_the_result,
        ready_turns_true_by_itself_once_the_result_is_in,
        a_waiting_get_sleeps_until_the_result_comes,
        a_killed_fork_server_wakes_a_waiting_get,
        get_timeout_says_timeout_while_the_task_runs,
        tasks_given_one_at_a_time_spread_over_idle_workers,
        close_lets_queued_work_finish_and_refuses_new_work,
        join_before_close_is_an_error,
        terminate_fails_what_is_unfinished_and_leaves_no_process,
        dropping_the_pool_leaves_no_process,
        a_panic_in_the_caller_leaves_no_process,
        results_outliving_their_pool_report_it_terminated,
        a_dropped_result_is_forgotten,
        workers::maxtasksperchild_replaces_workers_with_new_ones,
        workers::the_initializer_runs_in_every_worker_replacements_included,
        workers::a_panicking_task_fails_its_call_only_and_the_worker_lives_on,
        workers::a_killed_worker_fails_its_call_names_its_items_and_is_replaced,
        workers::a_worker_dying_after_close_is_replaced_while_work_is_queued,
        workers::a_stopped_pool_server_with_a_dead_worker_fails_the_call_in_bounded_time,
        workers::a_worker_whose_reply_names_no_slot_is_killed_and_replaced,
        workers::a_replacement_is_forked_even_while_the_program_runs_threads,
        workers::sigterm_or_sigkill_of_the_program_leaves_no_pool_process,
    ])
}

fn square(x: u64) -> u64 {
    x * x
}

fn mul(a: u64, b: u64) -> u64 {
    a * b
}

fn pid_of_worker(_: u32) -> u32 {
    std::process::id()
}

fn sleep_ms(ms: u64) -> u64 {
    std::thread::sleep(Duration::from_millis(ms));
    ms
}

/// Whether `pid` is gone, reaping it if it came to us; waits up to 10 s for that.
fn gone(pid: u32) -> bool {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let _ = waitpid(Pid::from_raw(pid as i32), Some(WaitPidFlag::WNOHANG));
        if !std::path::Path::new(&format!("/proc/{pid}")).exists() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn parent_of(pid: u32) -> u32 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("a live process");
    let after = stat.rsplit_once(") ").expect("stat").1;
    after
        .split(' ')
        .nth(1)
        .expect("ppid")
        .parse()
        .expect("a number")
}

fn the_workers_start_once_and_serve_every_call() {
    let pool = Pool::new(4).expect("start");
    let pids: BTreeSet<u32> = pool.worker_pids().into_iter().collect();
    assert_eq!(pids.len(), 4);
    for _ in 0..3 {
        let served: BTreeSet<u32> = pool
            .map(pid_of_worker, 0..200)
            .expect("map")
            .into_iter()
            .collect();
        assert!(served.is_subset(&pids), "{served:?} not in {pids:?}");
    }
    let later = pool.apply_async(pid_of_worker, 0).expect("apply_async");
    assert!(pids.contains(&later.get().expect("get")));
    assert_eq!(
        pool.worker_pids().into_iter().collect::<BTreeSet<_>>(),
        pids
    );
}

fn the_workers_are_children_of_the_fork_server() {
    let pool = Pool::new(2).expect("start");
    let server: BTreeSet<u32> = pool
        .worker_pids()
        .iter()
        .map(|&pid| parent_of(pid))
        .collect();
    assert_eq!(server.len(), 1);
    let server = *server.first().expect("one server");
    assert_eq!(parent_of(server), std::process::id());
}

fn a_pool_of_no_process_is_an_error() {
    assert!(matches!(Pool::new(0), Err(PoolError::NoProcesses)));
    let zero_tasks = Pool::builder().processes(1).maxtasksperchild(0).build();
    assert!(matches!(zero_tasks, Err(PoolError::ZeroMaxTasks)));
    let pool = Pool::new(1).expect("start");
    assert!(matches!(
        pool.map_chunked(square, 0..3, 0),
        Err(PoolError::ZeroChunksize)
    ));
}

fn map_keeps_input_order_and_spreads_over_every_worker() {
    let pool = Pool::new(3).expect("start");
    assert_eq!(
        pool.map(square, 0..1000).expect("map"),
        (0..1000).map(square).collect::<Vec<_>>()
    );
    let served: BTreeSet<u32> = pool
        .map(pid_of_worker, 0..100)
        .expect("map")
        .into_iter()
        .collect();
    assert_eq!(
        served.len(),
        3,
        "every worker gets a chunk before any gets a fifth"
    );
}

/// Python's default chunk size: `len / (4 * workers)`, rounded up: 16 items over 4 workers is 1
/// an item a chunk, and an idle pool deals its chunks to the workers in turn (the least busy
/// first, the first of equals), so items 0 to 3 go to four workers. A chunk size reckoned for one
/// worker (4) would give them all to the first.
fn the_default_chunksize_is_pythons_for_the_pools_size() {
    let pool = Pool::new(4).expect("start");
    assert_eq!(pool.worker_pids().len(), 4, "all four up, none busy");
    let pids = pool.map(pid_of_worker, 0..16).expect("map");
    let first_four: BTreeSet<u32> = pids[..4].iter().copied().collect();
    assert_eq!(first_four.len(), 4, "{pids:?}");
}

fn map_of_nothing_is_empty() {
    let pool = Pool::new(2).expect("start");
    assert!(pool.map(square, Vec::<u64>::new()).expect("map").is_empty());
}

fn starmap_applies_a_two_argument_function_to_pairs() {
    let pool = Pool::new(2).expect("start");
    let pairs: Vec<(u64, u64)> = (0..50).map(|i| (i, i + 1)).collect();
    let products = pool.starmap(mul, pairs.clone()).expect("starmap");
    assert_eq!(
        products,
        pairs.iter().map(|&(a, b)| a * b).collect::<Vec<_>>()
    );
}

fn imap_yields_in_input_order_and_imap_unordered_yields_every_result() {
    let pool = Pool::new(2).expect("start");
    let ordered: Vec<u64> = pool
        .imap(square, 0..20)
        .expect("imap")
        .map(|r| r.expect("a result"))
        .collect();
    assert_eq!(ordered, (0..20).map(square).collect::<Vec<_>>());
    let mut unordered: Vec<u64> = pool
        .imap_unordered(square, 0..20)
        .expect("imap_unordered")
        .map(|r| r.expect("a result"))
        .collect();
    unordered.sort_unstable();
    assert_eq!(unordered, ordered);
}

/// The calling thread's voluntary context switches so far (each a sleep it woke from).
fn wakes() -> u64 {
    let status = std::fs::read_to_string("/proc/thread-self/status").expect("status");
    let line = status
        .lines()
        .find_map(|l| l.strip_prefix("voluntary_ctxt_switches:"))
        .expect("voluntary_ctxt_switches");
    line.trim().parse().expect("a number")
}

/// `get` sleeps until the reply comes: it does not wake to look at the server every so often
/// (exercise 14's check counts main's wakes to tell `imap` from a loop polling `ready()`).
/// Waking every 100 ms, the old wait, made about 10 here; a reply wakes it once or twice (its
/// look at a stopped server, every 2 s while work is out, does not come in a 1 s task).
fn a_waiting_get_sleeps_until_the_result_comes() {
    let pool = Pool::new(1).expect("start");
    let later = pool.apply_async(sleep_ms, 1_000).expect("apply_async");
    let before = wakes();
    assert_eq!(later.get().expect("get"), 1_000);
    let woke = wakes() - before;
    assert!(woke <= 4, "get woke {woke} times while one task ran 1 s");
}

/// A fork server killed while the program waits: the wait ends with `ServerDied`
/// (`support::a_killed_pool_server_fails_a_waiting_get`; `spawn` and `forkserver` in `methods/`).
fn a_killed_fork_server_wakes_a_waiting_get() {
    support::a_killed_pool_server_fails_a_waiting_get(common::process::StartMethod::Fork);
}

fn apply_and_apply_async_give_the_result() {
    let pool = Pool::new(2).expect("start");
    assert_eq!(pool.apply(square, 5).expect("apply"), 25);
    let later = pool.apply_async(square, 7).expect("apply_async");
    later.wait();
    assert!(later.ready());
    assert_eq!(later.successful(), Some(true));
    assert_eq!(later.get().expect("get"), 49);
    assert_eq!(later.get().expect("get, again"), 49);
    let all = pool.map_async(square, 1..=3).expect("map_async");
    assert_eq!(all.get().expect("get"), [1, 4, 9]);
}

/// `ready()` takes in what has arrived: polled alone, with no `wait` or `get` before it, it turns
/// true once the task is done (as Python's does). It once never looked, and such a loop never
/// ended. The loop is bounded, so that a `ready()` that never turns fails here, not hangs.
fn ready_turns_true_by_itself_once_the_result_is_in() {
    let pool = Pool::new(1).expect("start");
    let later = pool.apply_async(square, 9).expect("apply_async");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !later.ready() {
        assert!(Instant::now() < deadline, "ready() never turned true");
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(later.successful(), Some(true));
    assert_eq!(later.get().expect("get"), 81);
}

fn get_timeout_says_timeout_while_the_task_runs() {
    let pool = Pool::new(1).expect("start");
    let slow = pool.apply_async(sleep_ms, 30_000).expect("apply_async");
    assert!(matches!(
        slow.get_timeout(Duration::from_millis(50)),
        Err(PoolError::Timeout)
    ));
    assert!(!slow.ready());
    assert_eq!(slow.successful(), None);
    pool.terminate();
    assert!(matches!(slow.get(), Err(PoolError::Terminated)));
}

/// A task given by `apply_async` goes to an idle worker, not behind a busy one: as Python's
/// workers take the next task from one queue. With every task on the first worker (each worker is
/// given up to four), the quick ones would wait behind the one that sleeps.
fn tasks_given_one_at_a_time_spread_over_idle_workers() {
    let pool = Pool::new(3).expect("start");
    let stuck = pool.apply_async(sleep_ms, 30_000).expect("apply_async");
    let quick: Vec<_> = (1..=2)
        .map(|x| pool.apply_async(square, x).expect("apply_async"))
        .collect();
    for (x, result) in (1..=2).zip(&quick) {
        assert_eq!(
            result
                .get_timeout(Duration::from_secs(20))
                .expect("a quick task, not behind the stuck one"),
            x * x
        );
    }
    assert!(!stuck.ready());
    pool.terminate();
}

fn close_lets_queued_work_finish_and_refuses_new_work() {
    let pool = Pool::new(2).expect("start");
    let pids = pool.worker_pids();
    // A chunk per item: the two workers hold eight, the other 92 wait in the pool's queue.
    let queued = pool
        .map_async_chunked(square, 0..100, 1)
        .expect("map_async");
    assert!(pool.is_running());
    pool.close();
    assert!(!pool.is_running(), "closed");
    assert!(matches!(pool.apply(square, 1), Err(PoolError::NotRunning)));
    pool.join().expect("join");
    // `join` waits for the queued work: its results are in when it returns.
    assert!(
        queued.ready(),
        "join returned before the queued work was done"
    );
    assert_eq!(
        queued.get().expect("the queued work"),
        (0..100).map(square).collect::<Vec<_>>()
    );
    assert!(pids.into_iter().all(gone), "a worker outlived join");
}

fn join_before_close_is_an_error() {
    let pool = Pool::new(1).expect("start");
    assert!(matches!(pool.join(), Err(PoolError::StillRunning)));
}

fn terminate_fails_what_is_unfinished_and_leaves_no_process() {
    let pool = Pool::new(2).expect("start");
    let pids = pool.worker_pids();
    let unfinished = pool
        .map_async(sleep_ms, [30_000, 30_000])
        .expect("map_async");
    pool.terminate();
    assert!(!pool.is_running(), "terminated");
    assert!(matches!(unfinished.get(), Err(PoolError::Terminated)));
    pool.join().expect("join after terminate");
    assert!(pids.into_iter().all(gone));
    assert!(support::children().is_empty(), "the fork server is left");
}

fn dropping_the_pool_leaves_no_process() {
    let pids = {
        let pool = Pool::new(3).expect("start");
        let _busy = pool.apply_async(sleep_ms, 30_000).expect("apply_async");
        pool.worker_pids()
    };
    assert!(pids.into_iter().all(gone));
    assert!(support::children().is_empty());
}

fn a_panic_in_the_caller_leaves_no_process() {
    let pids = std::cell::RefCell::new(Vec::new());
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let pool = Pool::new(2).expect("start");
        *pids.borrow_mut() = pool.worker_pids();
        std::panic::set_hook(Box::new(|_| {})); // keep the test's output quiet
        panic!("a deliberate panic with a pool alive");
    }));
    let _ = std::panic::take_hook();
    assert!(outcome.is_err());
    assert!(pids.into_inner().into_iter().all(gone));
    assert!(support::children().is_empty());
}

fn results_outliving_their_pool_report_it_terminated() {
    let (pids, unfinished) = {
        let pool = Pool::new(2).expect("start");
        (
            pool.worker_pids(),
            pool.apply_async(sleep_ms, 30_000).expect("apply_async"),
        )
    };
    assert!(
        pids.into_iter().all(gone),
        "the workers outlived their pool"
    );
    assert!(matches!(unfinished.get(), Err(PoolError::Terminated)));
}

/// A call whose result is dropped, taken or not, is forgotten by the pool: a program that makes
/// many calls keeps no memory for the ones it let go (`AsyncResult`'s and `IMap`'s `drop`).
fn a_dropped_result_is_forgotten() {
    let pool = Pool::new(2).expect("start");
    let taken = pool.map_async(square, 0..10).expect("map_async");
    assert_eq!(taken.get().expect("get").len(), 10);
    drop(taken);
    drop(
        pool.map_async(square, 0..10)
            .expect("map_async, never looked at"),
    );
    drop(pool.imap(square, 0..10).expect("imap, never read"));
    let one = pool.apply_async(square, 3).expect("apply_async");
    assert_eq!(pool.calls_held(), 1, "only the live result is kept");
    drop(one);
    assert_eq!(pool.calls_held(), 0);
}
