//! The process API, tested from a single-threaded `main` (fork needs one thread).
//!
//! The same binary is also the helper program some tests run: with `PROCESS_TEST_HELPER` set it
//! plays a parent whose exit (or death) the test watches from outside (`parents.rs`: the
//! parent's exit, death and signals, and what they do to its children).

use common::process::{Process, ProcessError};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

mod parents;
#[path = "../support/mod.rs"]
mod support;

use parents::*;

const HELPER: &str = "PROCESS_TEST_HELPER";

fn main() -> std::process::ExitCode {
    if let Ok(role) = std::env::var(HELPER) {
        helper(&role);
        return std::process::ExitCode::SUCCESS;
    }
    // Orphans of the helper parents are handed to us, so that we can reap them.
    nix::sys::prctl::set_child_subreaper(true).expect("become a child subreaper");
    support::run(tests![
        exitcode_is_0_after_success,
        exitcode_is_1_after_a_panic,
        exitcode_is_minus_the_signal_after_kill_or_terminate,
        is_alive_follows_the_child,
        a_process_starts_only_once,
        fork_is_refused_while_threads_run,
        the_child_has_its_name_and_parent,
        the_child_changes_only_its_copy_of_a_global,
        a_joined_child_leaves_no_zombie,
        exit_waits_for_children_and_terminates_daemons,
        a_daemon_dies_with_a_killed_parent,
        sigterm_or_sigint_ends_the_children_first,
        a_thousand_processes_and_ten_thousand_threads_leave_nothing,
        join_with_a_timeout_returns_whether_the_child_ended,
        join_with_a_timeout_sleeps_until_the_child_ends,
        active_children_are_the_running_ones_and_stay_joinable,
        a_child_knows_its_parent_and_main_has_none,
        a_process_shows_its_name_and_daemon_flag,
    ])
}

fn started(target: impl FnOnce() + 'static) -> Process {
    let mut p = Process::new(target).name("SubProcess");
    p.start().expect("start");
    p
}

fn exitcode_is_0_after_success() {
    let mut p = started(|| {});
    p.join();
    assert_eq!(p.exitcode(), Some(0));
}

fn exitcode_is_1_after_a_panic() {
    // The panic message goes to stderr, as a Python child prints its traceback.
    let mut p = started(|| {
        std::panic::set_hook(Box::new(|_| {})); // keep the test's output quiet
        panic!("a deliberate panic in the child");
    });
    p.join();
    assert_eq!(p.exitcode(), Some(1));
}

fn exitcode_is_minus_the_signal_after_kill_or_terminate() {
    let mut p = started(|| {
        loop {
            std::thread::sleep(Duration::from_secs(1));
        }
    });
    assert_eq!(p.exitcode(), None);
    p.kill();
    p.join();
    assert_eq!(p.exitcode(), Some(-9));

    let mut p = started(|| {
        loop {
            std::thread::sleep(Duration::from_secs(1));
        }
    });
    p.terminate();
    p.join();
    assert_eq!(p.exitcode(), Some(-15));
}

fn is_alive_follows_the_child() {
    let (sender, receiver) = std::os::unix::net::UnixStream::pair().expect("socketpair");
    let mut p = Process::new(move || {
        // Wait until the parent says so: `is_alive` is asserted while the child surely runs.
        let mut byte = [0u8];
        let _ = std::io::Read::read(&mut &receiver, &mut byte);
    });
    assert!(!p.is_alive(), "not started yet");
    p.start().expect("start");
    assert!(p.is_alive(), "blocked on the socket");
    assert!(p.pid().is_some());
    std::io::Write::write_all(&mut &sender, b"x").expect("release the child");
    p.join();
    assert!(!p.is_alive(), "joined");
}

fn a_process_starts_only_once() {
    let mut p = started(|| {});
    assert!(matches!(p.start(), Err(ProcessError::AlreadyStarted)));
    p.join();
}

fn fork_is_refused_while_threads_run() {
    let (release, wait) = std::sync::mpsc::channel::<()>();
    let thread = std::thread::spawn(move || wait.recv());
    let mut p = Process::new(|| {});
    match p.start() {
        Err(ProcessError::ThreadsRunning(n)) => assert_eq!(n, 2),
        other => panic!("expected ThreadsRunning, got {other:?}"),
    }
    assert!(p.pid().is_none());
    release.send(()).expect("release the thread");
    thread.join().expect("thread").expect("recv");
    // Once the thread is gone, the same process can start.
    while common::process::thread_count() > 1 {
        std::thread::yield_now();
    }
    p.start().expect("start after the thread ended");
    p.join();
    assert_eq!(p.exitcode(), Some(0));
}

fn the_child_has_its_name_and_parent() {
    let parent = std::process::id();
    // The child's assertions decide its exit code: 0 only if they all hold.
    let mut p = started(move || {
        let me = common::current_process();
        assert_eq!(me.name, "SubProcess");
        assert_eq!(me.ppid, parent);
        assert_ne!(me.pid, parent);
        let comm = std::fs::read_to_string("/proc/self/comm").expect("comm");
        assert_eq!(comm.trim_end(), "SubProcess");
    });
    p.join();
    assert_eq!(p.exitcode(), Some(0));
    assert_eq!(common::current_process().name, "MainProcess");

    let mut unnamed = Process::new(|| {});
    assert!(unnamed.get_name().starts_with("Process-"));
    unnamed.start().expect("start");
    unnamed.join();
}

static NUM: AtomicU32 = AtomicU32::new(42);

fn the_child_changes_only_its_copy_of_a_global() {
    let mut p = started(|| {
        assert_eq!(NUM.fetch_add(1, Ordering::SeqCst) + 1, 43);
    });
    p.join();
    assert_eq!(p.exitcode(), Some(0));
    assert_eq!(NUM.load(Ordering::SeqCst), 42);
}

fn a_joined_child_leaves_no_zombie() {
    let mut p = started(|| {});
    let pid = p.pid().expect("pid");
    p.join();
    assert!(
        !std::path::Path::new(&format!("/proc/{pid}")).exists(),
        "pid {pid} still in /proc"
    );
}

fn a_thousand_processes_and_ten_thousand_threads_leave_nothing() {
    // A thousand children alive at once, then joined.
    let mut processes: Vec<Process> = (0..1000)
        .map(|_| Process::new(|| std::thread::sleep(Duration::from_millis(300))))
        .collect();
    for p in &mut processes {
        p.start().expect("start");
    }
    assert_eq!(support::children().len(), 1000);
    for p in &mut processes {
        p.join();
        assert_eq!(p.exitcode(), Some(0));
    }
    // Ten thousand threads, a thousand at a time.
    for _ in 0..10 {
        let threads: Vec<_> = (0..1000)
            .map(|i| std::thread::spawn(move || i * 2))
            .collect();
        for (i, thread) in threads.into_iter().enumerate() {
            assert_eq!(thread.join().expect("thread"), i * 2);
        }
    }
    assert_eq!(
        common::process::thread_count(),
        1,
        "a thread outlived its join"
    );
    // And the process can still fork: nothing of the above is left in its way.
    let mut last = Process::new(|| {});
    last.start().expect("start after the stress");
    last.join();
}

fn join_with_a_timeout_returns_whether_the_child_ended() {
    let mut p = Process::new(|| common::sleep_secs(30.0)).name("sleeper");
    p.start().expect("start");
    // A child that sleeps 30 s is still running after a join of 100 ms.
    assert!(!p.join_timeout(Duration::from_millis(100)));
    assert!(p.is_alive());
    p.terminate();
    assert!(p.join_timeout(Duration::from_secs(30)));
    assert_eq!(p.exitcode(), Some(-15));
}

/// `join_timeout` sleeps until the child ends (its pidfd), woken about once: not a look every few
/// milliseconds, which a caller counting its wakes (the exercises' checker) takes for polling.
/// With the looks (1 ms growing to 10 ms) a half-second join woke about 55 times.
fn join_with_a_timeout_sleeps_until_the_child_ends() {
    use nix::sys::resource::{UsageWho, getrusage};
    let switches = || {
        getrusage(UsageWho::RUSAGE_THREAD)
            .expect("getrusage")
            .voluntary_context_switches()
    };
    let mut p = Process::new(|| std::thread::sleep(Duration::from_millis(500))).name("sleeper");
    p.start().expect("start");
    let before = switches();
    assert!(p.join_timeout(Duration::from_secs(30)));
    let woke = switches() - before;
    assert!(woke <= 10, "woke {woke} times in a half-second join");
}

fn active_children_are_the_running_ones_and_stay_joinable() {
    assert!(common::process::active_children().is_empty());
    let mut quick = Process::new(|| {}).name("quick");
    let mut slow = Process::new(|| common::sleep_secs(30.0)).name("slow");
    let mut daemon = Process::new(|| common::sleep_secs(30.0))
        .name("daemon")
        .daemon(true);
    for p in [&mut quick, &mut slow, &mut daemon] {
        p.start().expect("start");
    }
    // Until `quick` has ended (seen without reaping it: /proc shows a zombie as state Z).
    let zombie = |pid: u32| {
        std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
            stat.rsplit(')')
                .next()
                .unwrap_or("")
                .trim_start()
                .starts_with('Z')
        })
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    while !zombie(quick.pid().expect("started")) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    let mut running: Vec<(String, bool)> = common::process::active_children()
        .into_iter()
        .map(|child| (child.name, child.daemon))
        .collect();
    running.sort();
    assert_eq!(
        running,
        [("daemon".to_owned(), true), ("slow".to_owned(), false)]
    );
    // Listing did not reap `quick`: its own join still gets its exit code.
    quick.join();
    assert_eq!(quick.exitcode(), Some(0));
    for p in [&mut slow, &mut daemon] {
        p.kill();
        p.join();
    }
    assert!(common::process::active_children().is_empty());
}

fn a_child_knows_its_parent_and_main_has_none() {
    assert_eq!(common::parent_process(), None);
    let me = std::process::id();
    let mut p = Process::new(move || {
        let parent = common::parent_process().expect("a child has a parent");
        assert_eq!((parent.name.as_str(), parent.pid), ("MainProcess", me));
        // A grandchild's parent is the child, by its name.
        let mut grandchild = Process::new(|| {
            let parent = common::parent_process().expect("a parent");
            assert_eq!(parent.name, "child");
            assert_eq!(parent.pid, std::os::unix::process::parent_id());
        });
        grandchild.start().expect("start the grandchild");
        grandchild.join();
        assert_eq!(grandchild.exitcode(), Some(0));
    })
    .name("child");
    p.start().expect("start");
    p.join();
    assert_eq!(p.exitcode(), Some(0), "the child's checks failed");
}

/// Before it starts, a process shows what it was given: its name (the default ones numbered on,
/// as Python's `Process-1`, `Process-2`), its daemon flag, and both in its `Debug` form.
fn a_process_shows_its_name_and_daemon_flag() {
    let daemon = Process::new(|| {}).name("Shown").daemon(true);
    assert!(daemon.is_daemon());
    assert!(!Process::new(|| {}).is_daemon());
    let shown = format!("{daemon:?}");
    assert!(
        shown.contains("\"Shown\"") && shown.contains("daemon: true"),
        "{shown}"
    );
    let number = |p: &Process| -> usize {
        let name = p
            .get_name()
            .strip_prefix("Process-")
            .expect("a default name");
        name.parse().expect("numbered")
    };
    let (first, second) = (Process::new(|| {}), Process::new(|| {}));
    assert!(number(&first) >= 1);
    assert_eq!(number(&second), number(&first) + 1);
}
