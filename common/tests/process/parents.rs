//! A parent's exit, death and signals, and what they do to its children: this binary as a
//! helper parent (`PROCESS_TEST_HELPER`), watched from the test.

use super::{HELPER, support};
use common::process::Process;
use nix::sys::signal::{Signal, kill};
use nix::sys::wait::{WaitPidFlag, WaitStatus, waitpid};
use nix::unistd::Pid;
use std::time::{Duration, Instant};

/// This binary as a helper parent in `role` (see `support::run_helper`).
pub fn spawn_helper(role: &str) -> (std::process::Child, Vec<u32>) {
    support::run_helper(HELPER, role, &[])
}

pub fn helper(role: &str) {
    match role {
        // A non-daemon child that takes a while, and a daemon that would sleep forever.
        "exit-rule" => {
            let marker = std::env::var("MARKER").expect("MARKER");
            let mut slow = Process::new(move || {
                std::thread::sleep(Duration::from_millis(300));
                std::fs::write(&marker, "done").expect("write marker");
            });
            slow.start().expect("start");
            let mut daemon =
                Process::new(|| std::thread::sleep(Duration::from_secs(3600))).daemon(true);
            daemon.start().expect("start");
            println!(
                "{} {}",
                slow.pid().expect("pid"),
                daemon.pid().expect("pid")
            );
            // `main` returns without joining: the exit rule must do the rest.
        }
        // A daemon child, then a parent that waits to be killed.
        "killed-parent" => {
            let mut daemon =
                Process::new(|| std::thread::sleep(Duration::from_secs(3600))).daemon(true);
            daemon.start().expect("start");
            println!("{}", daemon.pid().expect("pid"));
            std::thread::sleep(Duration::from_secs(3600));
        }
        // Two children, one of each kind, and a parent that waits to be signalled.
        "signalled-parent" => {
            // A shell that runs us in the background ignores SIGINT, and we would inherit that.
            // SAFETY: restoring a signal's default action, before any other thread exists.
            unsafe {
                nix::sys::signal::signal(Signal::SIGINT, nix::sys::signal::SigHandler::SigDfl)
            }
            .expect("reset SIGINT");
            let mut child = Process::new(|| std::thread::sleep(Duration::from_secs(3600)));
            child.start().expect("start");
            let mut daemon =
                Process::new(|| std::thread::sleep(Duration::from_secs(3600))).daemon(true);
            daemon.start().expect("start");
            println!(
                "{} {}",
                child.pid().expect("pid"),
                daemon.pid().expect("pid")
            );
            std::thread::sleep(Duration::from_secs(3600));
        }
        other => panic!("unknown helper role {other}"),
    }
}

pub fn is_gone(pid: u32) -> bool {
    !std::path::Path::new(&format!("/proc/{pid}")).exists()
}

pub fn exit_waits_for_children_and_terminates_daemons() {
    let dir = tempfile::tempdir().expect("tempdir");
    let marker = dir.path().join("marker");
    let (mut child, pids) = support::run_helper(HELPER, "exit-rule", &[("MARKER", &marker)]);
    let status = child.wait().expect("wait for the helper");
    assert!(status.success());
    // The helper waited for its non-daemon child: the marker exists the moment the helper is gone.
    assert_eq!(
        std::fs::read_to_string(&marker).expect("marker written before exit"),
        "done"
    );
    // Both children were reaped by the helper itself: neither is an orphan handed to us.
    assert!(
        is_gone(pids[0]) && is_gone(pids[1]),
        "children left: {pids:?}"
    );
}

pub fn a_daemon_dies_with_a_killed_parent() {
    let (mut parent, pids) = spawn_helper("killed-parent");
    let daemon = pids[0];
    kill(Pid::from_raw(parent.id() as i32), Signal::SIGKILL).expect("kill the helper");
    parent.wait().expect("reap the helper");
    // The orphan comes to us (the subreaper): it must end within a second, by the SIGKILL the
    // kernel sends (PR_SET_PDEATHSIG), or, if its parent died before it could ask for that
    // signal, by its own check of `getppid` right after, which exits with 1.
    let deadline = Instant::now() + Duration::from_secs(1);
    loop {
        match waitpid(Pid::from_raw(daemon as i32), Some(WaitPidFlag::WNOHANG)) {
            Ok(WaitStatus::Signaled(_, Signal::SIGKILL, _) | WaitStatus::Exited(_, 1)) => break,
            Ok(WaitStatus::StillAlive) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(10));
            }
            other => {
                let _ = kill(Pid::from_raw(daemon as i32), Signal::SIGKILL);
                panic!("daemon {daemon} after its parent was killed: {other:?}")
            }
        }
    }
}

pub fn sigterm_or_sigint_ends_the_children_first() {
    use std::os::unix::process::ExitStatusExt;
    for signal in [Signal::SIGTERM, Signal::SIGINT] {
        let (mut parent, pids) = spawn_helper("signalled-parent");
        kill(Pid::from_raw(parent.id() as i32), signal).expect("signal the helper");
        let status = parent.wait().expect("reap the helper");
        assert_eq!(
            status.signal(),
            Some(signal as i32),
            "it dies of the signal it got"
        );
        // The parent killed and reaped both before dying: nothing was left for us to reap.
        for pid in pids {
            assert!(
                is_gone(pid),
                "child {pid} outlived its {signal:?}-ed parent"
            );
        }
    }
}
