//! The start-up of every program that uses `Process`: [`init`], which in a process started by
//! `spawn` or as the fork server hands it to what it was started for. Above the start methods:
//! it uses them; nothing below uses it.

use super::forkserver;
use super::handoff;
use super::method::StartMethod;
use super::run_again::inherited;
use super::spawn::Launch;
use crate::config::{FORKSERVER_VAR, SPAWNED_VAR};
use crate::output::exit_now;
use std::os::unix::net::UnixStream;

/// The first line of every `main` that starts processes: Rust's `if __name__ == "__main__":`.
///
/// In the program that was started, it does nothing. In a child that `spawn` started (a fresh
/// run of this program), it runs the child's target and ends the child: the rest of `main`
/// belongs to the parent; in the fork server that `forkserver` started, it serves. A `main` that
/// prints, sleeps or starts a process before calling it fails in such a child with a message
/// that says so (Python's "bootstrapping phase" error).
///
/// ```
/// fn main() {
///     common::init();
///     // ... the parent's work: start processes, join them.
/// }
/// # main();
/// ```
pub fn init() {
    let spawned = std::env::var_os(SPAWNED_VAR);
    let server = std::env::var_os(FORKSERVER_VAR);
    if spawned.is_none() && server.is_none() {
        return;
    }
    crate::config::handed_to_target();
    if super::thread_count() == 1 {
        // SAFETY: this process has one thread, so nothing reads the environment meanwhile.
        // Removed so that a program this child runs in its turn is not taken for one of ours.
        unsafe {
            std::env::remove_var(SPAWNED_VAR);
            std::env::remove_var(FORKSERVER_VAR);
        }
    }
    let role = if spawned.is_some() {
        "spawned child"
    } else {
        "fork server"
    };
    let raw = spawned.or(server).unwrap_or_default();
    let fds = match inherited(raw.to_str().unwrap_or_default()) {
        Ok(fds) => fds,
        Err(why) => {
            eprintln!("error: a {role} could not start: {why}");
            exit_now(1)
        }
    };
    let [first, lifeline] = fds;
    let mut parent = UnixStream::from(first);
    if role == "fork server" {
        forkserver::serve(parent, lifeline)
    }
    match handoff::accept::<Launch>(&mut parent, &lifeline) {
        Ok((_, launch)) => {
            drop(parent);
            launch.run(lifeline, StartMethod::Spawn)
        }
        Err(why) => {
            eprintln!("error: a {role} could not start: {why}");
            exit_now(1)
        }
    }
}
