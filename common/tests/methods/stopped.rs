//! A fork server stopped (SIGSTOP, a debugger, job control) cannot answer: a start by it is an
//! error in words once it has been seen stopped for a second, the stopped server is ended and
//! reaped, and the next start brings up a new one (issue #57). A fork server killed between two
//! starts is replaced by the next start; one that lies about its child is an error and ended.
//! `forkserver` only.

use super::exitcode;
use common::process::Process;
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;
use std::time::{Duration, Instant};

/// This process's fork server, if it has one (`parents::servers`, which lists them by name).
fn fork_server() -> Option<u32> {
    super::parents::servers(&[]).first()?.parse().ok()
}

pub fn a_stopped_fork_server_is_an_error_then_replaced() {
    assert_eq!(exitcode(Process::target(|| {}, ())), Some(0));
    let server = fork_server().expect("a fork server after a start");
    kill(Pid::from_raw(server as i32), Signal::SIGSTOP).expect("stop the fork server");
    let asked = Instant::now();
    let error = Process::target(|| {}, ())
        .start()
        .expect_err("a start by a stopped fork server");
    let took = asked.elapsed();
    assert!(
        error
            .to_string()
            .contains(&format!("fork server (PID {server}) is stopped")),
        "{error}"
    );
    // The bound is a second seen stopped; ten is a wide margin for a loaded machine.
    assert!(took < Duration::from_secs(10), "the error took {took:?}");
    // Ended and reaped: no process, not even a zombie, and a late SIGCONT finds nothing.
    assert!(
        !std::path::Path::new(&format!("/proc/{server}")).exists(),
        "the stopped server is still there"
    );
    assert!(kill(Pid::from_raw(server as i32), Signal::SIGCONT).is_err());
    assert_eq!(exitcode(Process::target(|| {}, ())), Some(0));
    let new = fork_server().expect("a new fork server");
    assert_ne!(new, server);
}

/// A fork server killed (SIGKILL) between two starts: the next start brings up a new one and
/// its child runs; nothing of the dead one is left (the fault table's row, `docs/faults.md`).
pub fn a_killed_fork_server_is_replaced_at_the_next_start() {
    assert_eq!(exitcode(Process::target(|| {}, ())), Some(0));
    let server = fork_server().expect("a fork server after a start");
    kill(Pid::from_raw(server as i32), Signal::SIGKILL).expect("kill the fork server");
    // Dead (a zombie) before the next start: one killed in the middle of a start fails that
    // start ("ended before it answered"), and the next boots another.
    let dead = Instant::now();
    while !std::fs::read_to_string(format!("/proc/{server}/stat")).is_ok_and(|stat| {
        stat.rsplit_once(") ")
            .is_some_and(|(_, rest)| rest.starts_with('Z'))
    }) {
        assert!(
            dead.elapsed() < Duration::from_secs(10),
            "the server does not die"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    let asked = Instant::now();
    assert_eq!(exitcode(Process::target(|| {}, ())), Some(0));
    // A wide margin: a start takes milliseconds.
    assert!(
        asked.elapsed() < Duration::from_secs(10),
        "{:?}",
        asked.elapsed()
    );
    let new = fork_server().expect("a new fork server");
    assert_ne!(new, server);
    let _ = nix::sys::wait::waitpid(
        Pid::from_raw(server as i32),
        Some(nix::sys::wait::WaitPidFlag::WNOHANG),
    );
    assert!(
        !std::path::Path::new(&format!("/proc/{server}")).exists(),
        "the killed server is still there"
    );
}

/// A fork server that answers a PID that is not its child's (`TUTORIAL_FORKSERVER_LIE`, in a
/// helper program, so that only its server lies): the start fails with the lie in words, the
/// liar is ended and reaped, and the child it did fork is reaped too (the helper checks all of it
/// and prints the liar's PID). Before, the PID was believed: `join` waited on a stranger.
pub fn a_lying_fork_server_is_an_error_and_is_ended() {
    let lie = [(
        common::config::FORKSERVER_LIE_VAR,
        std::path::Path::new("1"),
    )];
    let (mut helper, pids) = crate::support::run_helper(super::HELPER, "lied-to", &lie);
    let status = helper.wait().expect("the helper");
    assert!(
        status.success() && pids.len() == 1,
        "the helper: {status:?}, {pids:?}"
    );
}
