//! The pool's workers: replaced after `maxtasksperchild`, initialized, failing one call, killed,
//! forked anew while the program runs threads; and the program's own death, watched from outside
//! by running this binary again as a helper (`POOL_TEST_HELPER`).

use super::*;

pub fn maxtasksperchild_replaces_workers_with_new_ones() {
    let pool = Pool::builder()
        .processes(2)
        .maxtasksperchild(2)
        .build()
        .expect("start");
    let first: BTreeSet<u32> = pool.worker_pids().into_iter().collect();
    // Chunks of one: each item is a task; 2 workers x 2 tasks each cannot do 12.
    let served: BTreeSet<u32> = pool
        .map_chunked(pid_of_worker, 0..12, 1)
        .expect("map")
        .into_iter()
        .collect();
    assert!(
        served.len() >= 6,
        "{served:?}: a worker did more than 2 tasks"
    );
    assert!(served.iter().any(|pid| !first.contains(pid)));
    assert_eq!(pool.worker_pids().len(), 2);
}

static INITIALIZED: AtomicBool = AtomicBool::new(false);

fn initialize() {
    INITIALIZED.store(true, Ordering::SeqCst);
}

fn was_initialized(_: u32) -> bool {
    INITIALIZED.load(Ordering::SeqCst)
}

pub fn the_initializer_runs_in_every_worker_replacements_included() {
    let pool = Pool::builder()
        .processes(2)
        .maxtasksperchild(1)
        .initializer(initialize)
        .build()
        .expect("start");
    let flags = pool.map_chunked(was_initialized, 0..8, 1).expect("map");
    assert_eq!(flags, [true; 8]);
    assert!(
        !INITIALIZED.load(Ordering::SeqCst),
        "it ran in the program, not in the workers"
    );
}

fn panics_on_37(x: u32) -> u32 {
    if x == 37 {
        panic!("a deliberate panic on item {x}");
    }
    x
}

pub fn a_panicking_task_fails_its_call_only_and_the_worker_lives_on() {
    let pool = Pool::new(2).expect("start");
    let pids = pool.worker_pids();
    let outcome = pool.map(panics_on_37, 0..100);
    // The panic's message and place reach the caller, as Python re-raises a worker's exception.
    match &outcome {
        Err(PoolError::TaskPanicked {
            index: 37,
            message,
            location,
        }) => {
            assert_eq!(message, "a deliberate panic on item 37");
            assert!(
                location.starts_with("common/tests/pool/workers.rs:"),
                "{location}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(pool.map(square, 0..10).expect("the next map").len(), 10);
    assert_eq!(pool.worker_pids(), pids);
    let failed = pool.apply_async(panics_on_37, 37).expect("apply_async");
    assert_eq!(
        failed.successful().or_else(|| {
            failed.wait();
            failed.successful()
        }),
        Some(false)
    );
}

fn killed_on_50(x: u32) -> u32 {
    if x == 50 {
        let _ = kill(nix::unistd::getpid(), Signal::SIGKILL);
    }
    x
}

pub fn a_killed_worker_fails_its_call_names_its_items_and_is_replaced() {
    let pool = Pool::new(2).expect("start");
    let before = pool.worker_pids();
    match pool.map(killed_on_50, 0..100) {
        Err(PoolError::WorkerDied {
            worker,
            exitcode: Some(-9),
            items,
        }) => {
            assert!(items.contains(&50), "{items:?}");
            assert!(
                items.windows(2).all(|w| w[0] < w[1]),
                "in input order: {items:?}"
            );
            assert!(worker.starts_with("ForkPoolWorker-"), "{worker}");
        }
        other => panic!("expected WorkerDied, got {other:?}"),
    }
    assert_eq!(pool.map(square, 0..100).expect("the next map").len(), 100);
    let after = pool.worker_pids();
    assert_eq!(after.len(), 2);
    assert!(
        after.iter().any(|pid| !before.contains(pid)),
        "no new worker: {after:?}"
    );
}

/// A task that sleeps `ms`, then kills its worker.
fn dies_after(ms: u64) -> u64 {
    std::thread::sleep(Duration::from_millis(ms));
    let _ = kill(nix::unistd::getpid(), Signal::SIGKILL);
    ms
}

/// After `close`, a worker that dies while work is still queued is replaced, so that the queued
/// work is done (as Python's pool keeps its workers up until its queue is empty); then `join`
/// returns. One worker: the killer (it dies 300 ms in, well after `close`) and three more are in
/// its hands (it is given four), a fifth task waits in the queue.
pub fn a_worker_dying_after_close_is_replaced_while_work_is_queued() {
    let pool = Pool::new(1).expect("start");
    let killer = pool.apply_async(dies_after, 300).expect("apply_async");
    let in_hand: Vec<_> = (1..=3)
        .map(|x| pool.apply_async(killed_on_50, x).expect("apply_async"))
        .collect();
    let queued = pool.apply_async(killed_on_50, 7).expect("apply_async");
    pool.close();
    assert!(matches!(killer.get(), Err(PoolError::WorkerDied { .. })));
    for task in in_hand {
        assert!(matches!(task.get(), Err(PoolError::WorkerDied { .. })));
    }
    assert_eq!(
        queued
            .get_timeout(Duration::from_secs(20))
            .expect("the queued task, done by a replacement"),
        7
    );
    pool.join().expect("join");
}

/// The pool's fork server stopped (SIGSTOP), then a worker killed mid-task: the server cannot
/// report the death nor start a replacement, so the call would wait for ever (as CPython's
/// does). The pool sees the server stopped with a worker ended, for a second (looking every 2 s
/// while work is out): the call fails with `ServerStopped` naming the server, which is killed
/// with its workers; a new pool works. The test allows 15 s for the ~5 s bound.
pub fn a_stopped_pool_server_with_a_dead_worker_fails_the_call_in_bounded_time() {
    let pool = Pool::new(1).expect("start");
    let worker = pool.worker_pids()[0];
    let server = parent_of(worker);
    let server_pid = Pid::from_raw(server as i32);
    kill(server_pid, Signal::SIGSTOP).expect("stop the pool's server");
    let started = Instant::now();
    let result = pool.map(killed_on_50, 50..51);
    let took = started.elapsed();
    // Whatever happened, nothing stays stopped behind the test.
    let _ = kill(server_pid, Signal::SIGCONT);
    match result {
        Err(PoolError::ServerStopped { pid }) => assert_eq!(pid, server),
        other => panic!("expected ServerStopped, got {other:?}"),
    }
    eprintln!("a stopped pool server with a dead worker: the call failed after {took:?}");
    assert!(took < Duration::from_secs(15), "{took:?}");
    assert!(
        gone(server) && gone(worker),
        "the server or its worker is left"
    );
    assert!(matches!(pool.apply(square, 2), Err(PoolError::NotRunning)));
    let next = Pool::new(1).expect("a new pool");
    assert_eq!(next.map(square, 0..3).expect("map"), vec![0, 1, 4]);
}

fn lies_on_50(x: u32) -> u32 {
    if x == 50 {
        common::pool::lie_in_the_next_reply();
    }
    x
}

/// A worker whose reply names a slot that does not exist (issue #57): the coordinator does not
/// index by it (it panicked before), the worker is killed and replaced, and the call fails
/// naming it; the next call succeeds.
pub fn a_worker_whose_reply_names_no_slot_is_killed_and_replaced() {
    let pool = Pool::new(2).expect("start");
    let before = pool.worker_pids();
    let pid_of = |name: &str| -> Option<u32> {
        // `ForkPoolWorker-k` is the k-th started: slot k - 1 at first.
        let k: usize = name.strip_prefix("ForkPoolWorker-")?.parse().ok()?;
        before.get(k - 1).copied()
    };
    let liar = match pool.map(lies_on_50, 0..100) {
        Err(PoolError::WorkerLied {
            worker,
            what,
            items,
        }) => {
            assert!(items.contains(&50), "{items:?}");
            assert!(what.contains("slot 10"), "{what}");
            pid_of(&worker).unwrap_or_else(|| panic!("{worker} is not one of {before:?}"))
        }
        other => panic!("expected WorkerLied, got {other:?}"),
    };
    assert_eq!(pool.map(square, 0..100).expect("the next map").len(), 100);
    let after = pool.worker_pids();
    assert_eq!(after.len(), 2);
    assert!(
        !after.contains(&liar),
        "the liar {liar} still serves: {after:?}"
    );
}

pub fn a_replacement_is_forked_even_while_the_program_runs_threads() {
    let pool = Pool::new(2).expect("start");
    let (stop, stopped) = std::sync::mpsc::channel::<()>();
    let busy = std::thread::spawn(move || stopped.recv());
    assert!(pool.map(killed_on_50, 0..100).is_err());
    // The program has two threads now; the server, with one, forks the replacement.
    assert_eq!(
        pool.map(square, 0..100)
            .expect("map with a replacement")
            .len(),
        100
    );
    drop(stop);
    let _ = busy.join();
}

pub fn sigterm_or_sigkill_of_the_program_leaves_no_pool_process() {
    for signal in [Signal::SIGTERM, Signal::SIGKILL] {
        let mut helper = Command::new(std::env::current_exe().expect("current exe"))
            .env(HELPER, "program-with-a-pool")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the helper");
        let mut line = String::new();
        BufReader::new(helper.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read the pids");
        let pids: Vec<u32> = line
            .split_whitespace()
            .map(|p| p.parse().expect("pid"))
            .collect();
        assert_eq!(pids.len(), 4, "server and three workers: {line:?}");
        kill(Pid::from_raw(helper.id() as i32), signal).expect("signal the helper");
        helper.wait().expect("reap the helper");
        for pid in pids {
            assert!(gone(pid), "{pid} outlived a {signal:?}-ed program");
        }
    }
}

pub fn helper(role: &str) {
    match role {
        "program-with-a-pool" => {
            let pool = Pool::new(3).expect("start");
            let server = parent_of(pool.worker_pids()[0]);
            let pids: Vec<String> = std::iter::once(server)
                .chain(pool.worker_pids())
                .map(|pid| pid.to_string())
                .collect();
            println!("{}", pids.join(" "));
            let _busy = pool.map_async(sleep_ms, [3_600_000; 6]);
            std::thread::sleep(Duration::from_secs(3600));
        }
        other => panic!("unknown helper role {other}"),
    }
}
