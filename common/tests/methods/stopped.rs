//! A fork server stopped (SIGSTOP, a debugger, job control) cannot answer: a start by it is an
//! error in words once it has been seen stopped for a second, the stopped server is ended and
//! reaped, and the next start brings up a new one (issue #57). `forkserver` only.

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
