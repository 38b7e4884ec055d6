//! The cases that watch a parent from outside: this test binary run again as a helper parent
//! (`METHODS_TEST_HELPER`), whose death, signal or late `init` the test watches: its children
//! die with it, outlive the thread that started them, end before it on SIGTERM or SIGINT.

use super::*;

/// This binary as a helper parent in `role` (see `support::run_helper`).
fn helper_parent(role: &str) -> (std::process::Child, Vec<u32>) {
    crate::support::run_helper(HELPER, role, &[])
}

/// This process's fork server, if it has one: a child named `forkserver` that is not one of
/// `ours` (a child forked by the server is named so too until it takes its own name).
pub fn servers(ours: &[u32]) -> Vec<String> {
    let me = std::process::id();
    let tasks = std::fs::read_dir(format!("/proc/{me}/task")).expect("tasks");
    tasks
        .filter_map(|task| std::fs::read_to_string(task.ok()?.path().join("children")).ok())
        .flat_map(|pids| {
            pids.split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|pid| !ours.iter().any(|our| our.to_string() == *pid))
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .is_ok_and(|comm| comm.trim_end() == "forkserver")
        })
        .collect()
}

fn sleep_long() {
    std::thread::sleep(Duration::from_secs(3600));
}

pub fn helper(role: &str) {
    // A spawned child of a helper is a run of this binary with the helper's environment: it
    // must reach its target before the role runs again.
    if role != "late-init" {
        common::init();
    }
    set_start_method(method()).expect("the helper's method");
    match role {
        // A daemon, then a parent that waits to be killed.
        "killed-parent" => {
            let p = started(Process::target(sleep_long, ()).daemon(true));
            let pid = p.pid().expect("pid");
            println!("{pid} {}", servers(&[pid]).join(" "));
            sleep_long();
        }
        // A child started by a thread that ends at once; the parent waits to be killed.
        "thread-starts" => {
            let pid = std::thread::spawn(|| {
                let p = started(Process::target(sleep_long, ()));
                let pid = p.pid().expect("pid");
                std::mem::forget(p); // the child stays in the table; only the thread ends
                pid
            })
            .join()
            .expect("the starting thread");
            println!("{pid} {}", servers(&[pid]).join(" "));
            sleep_long();
        }
        // Two children, one of each kind, and a parent that waits to be signalled.
        "signalled-parent" => {
            // SAFETY: restoring a signal's default action, before any other thread exists.
            unsafe {
                nix::sys::signal::signal(Signal::SIGINT, nix::sys::signal::SigHandler::SigDfl)
            }
            .expect("reset SIGINT");
            let child = started(Process::target(sleep_long, ()));
            let daemon = started(Process::target(sleep_long, ()).daemon(true));
            let (child, daemon) = (child.pid().expect("pid"), daemon.pid().expect("pid"));
            println!("{child} {daemon} {}", servers(&[child, daemon]).join(" "));
            sleep_long();
        }
        // `main` prints before `init`: in the spawned child it runs again, and must fail there.
        "late-init" => {
            common::say!("main is running");
            common::init();
            let mut p = Process::target(|| {}, ());
            // Under spawn the child fails and ends with 1; under forkserver the server does,
            // and the start fails.
            match p.start() {
                Ok(()) => {
                    p.join();
                    println!("{}", p.exitcode().expect("joined"));
                }
                Err(error) => println!("start failed: {error}"),
            }
        }
        // Its fork server lies (`TUTORIAL_FORKSERVER_LIE=1`: it answers PID 1, not its
        // child's): the start fails naming the lie, and the liar is ended and reaped. Prints the
        // liar's PID once all of that held; a failed assertion ends the helper with 101.
        "lied-to" => {
            let error = Process::target(|| {}, ())
                .start()
                .expect_err("a lie believed");
            let text = error.to_string();
            assert!(
                text.contains("answered PID 1, which is not a child of this program"),
                "{text}"
            );
            let liar = (text.split("fork server (PID ").nth(1))
                .and_then(|rest| rest.split(')').next())
                .expect("the liar's PID");
            assert!(!std::path::Path::new(&format!("/proc/{liar}")).exists());
            // The child the liar forked is ours (its subreaper's): reaped, not left behind.
            while waitpid(Pid::from_raw(-1), None).is_ok() {}
            println!("{liar}");
        }
        other => panic!("unknown helper role {other}"),
    }
}

/// Waits up to 10 s for `pid` (an orphan handed to us) to end; how it ended. It normally takes
/// milliseconds; the margin is for a child still being loaded on a machine with both cores busy.
fn reap_orphan(pid: u32) -> WaitStatus {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match waitpid(Pid::from_raw(pid as i32), Some(WaitPidFlag::WNOHANG)) {
            Ok(WaitStatus::StillAlive) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(10));
            }
            other => {
                let _ = kill(Pid::from_raw(pid as i32), Signal::SIGKILL);
                let _ = waitpid(Pid::from_raw(pid as i32), None);
                return other.expect("waitpid");
            }
        }
    }
}

pub fn a_child_dies_with_its_killed_parent() {
    let (mut parent, pids) = helper_parent("killed-parent");
    kill(Pid::from_raw(parent.id() as i32), Signal::SIGKILL).expect("kill the helper");
    parent.wait().expect("reap the helper");
    // Its lifeline closed with the parent: the child's watcher ends it with SIGKILL; or, if the
    // parent died before the child had read all of its launch, the child ends with 1 and says so.
    let end = reap_orphan(pids[0]);
    assert!(
        matches!(
            end,
            WaitStatus::Signaled(_, Signal::SIGKILL, _) | WaitStatus::Exited(_, 1)
        ),
        "the daemon outlived its killed parent: {end:?}"
    );
    // A fork server sees its lifeline close too, and ends by itself.
    for &server in &pids[1..] {
        let end = reap_orphan(server);
        assert!(
            matches!(end, WaitStatus::Exited(_, 0)),
            "the fork server: {end:?}"
        );
    }
}

pub fn a_child_outlives_the_thread_that_started_it() {
    let (mut parent, pids) = helper_parent("thread-starts");
    // `PR_SET_PDEATHSIG` would have killed it when the starting thread ended; the lifeline
    // belongs to the process.
    std::thread::sleep(Duration::from_millis(200));
    // Our grandchild: alive if `/proc` shows it running or asleep (not a zombie).
    let alive = std::fs::read_to_string(format!("/proc/{}/stat", pids[0])).is_ok_and(|stat| {
        stat.rsplit(") ")
            .next()
            .is_some_and(|rest| !rest.starts_with('Z'))
    });
    kill(Pid::from_raw(parent.id() as i32), Signal::SIGKILL).expect("kill the helper");
    parent.wait().expect("reap the helper");
    let end = reap_orphan(pids[0]);
    assert!(alive, "the child died with the thread that started it");
    assert!(
        matches!(end, WaitStatus::Signaled(_, Signal::SIGKILL, _)),
        "{end:?}"
    );
    for &server in &pids[1..] {
        let end = reap_orphan(server);
        assert!(
            matches!(end, WaitStatus::Exited(_, 0)),
            "the fork server: {end:?}"
        );
    }
}

pub fn sigterm_or_sigint_ends_the_children_first() {
    for signal in [Signal::SIGTERM, Signal::SIGINT] {
        let (mut parent, pids) = helper_parent("signalled-parent");
        kill(Pid::from_raw(parent.id() as i32), signal).expect("signal the helper");
        let status = parent.wait().expect("reap the helper");
        assert_eq!(
            std::os::unix::process::ExitStatusExt::signal(&status),
            Some(signal as i32)
        );
        // The helper reaped both (and its fork server) before it died: nothing was handed to us.
        assert_eq!(
            pids.len(),
            if method() == StartMethod::ForkServer {
                3
            } else {
                2
            }
        );
        for pid in pids {
            assert!(
                !std::path::Path::new(&format!("/proc/{pid}")).exists(),
                "{signal}: child {pid} left behind"
            );
        }
    }
}

pub fn a_main_that_prints_before_init_fails_in_the_child() {
    let (parent, _) = {
        let child = Command::new(std::env::current_exe().expect("current exe"))
            .env(HELPER, "late-init")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the helper");
        (child, ())
    };
    let output = parent.wait_with_output().expect("the helper ends");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The parent's own line, then the child's exit code: 1, and not a second "main is running".
    let expected = match method() {
        StartMethod::ForkServer => {
            "main is running\nstart failed: cannot spawn the child: the fork server ended before it answered (its message is on stderr)\n"
        }
        _ => "main is running\n1\n",
    };
    assert_eq!(stdout, expected, "stderr: {stderr}");
    assert!(stderr.contains("before calling common::init()"), "{stderr}");
    assert!(output.status.success());
}

pub fn a_bad_start_method_is_exit_2() {
    let output = Command::new(std::env::current_exe().expect("current exe"))
        .env(HELPER, "late-init")
        .env("TUTORIAL_START_METHOD", "forkserve")
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: invalid TUTORIAL_START_METHOD=\"forkserve\": expected `fork`, `spawn` or `forkserver`\n"
    );
}
