//! The pool's other processes: the fork server, which stays single-threaded and forks every
//! worker (replacements too), and the workers' loop. Python's `forkserver` start method is the
//! same idea: a fork from a process with one thread is always safe.
//!
//! # Who can reach them
//! Only the program and the pool's own processes: every channel is an `ipc-channel` socketpair
//! made by the program and inherited by fork, or sent over one; nothing has a name another
//! process could connect to. The server reads commands from the program alone (a dead program
//! closes the channel and the server kills its workers: `sigterm_or_sigkill_of_the_program_leaves_no_pool_process`);
//! a worker reads its tasks from the program alone. Workers answer the program, never each
//! other: a worker that stalls holds only its own chunk (the caller's `get_timeout` says so:
//! `get_timeout_says_timeout_while_the_task_runs`), one that dies fails only its own call and is
//! replaced (`a_killed_worker_fails_its_call_names_its_items_and_is_replaced`). The coordinator
//! (`coordinator.rs`) checks what a worker's reply says of its slot, PID, chunk and item against
//! what it gave out: a worker whose reply names what does not exist is killed (by the server,
//! whose child it is) and replaced, and its call fails naming it
//! (`a_worker_whose_reply_names_no_slot_is_killed_and_replaced`); a reply is written by the
//! pool's own loop below, in a process forked from the program, never by a stranger.

use super::task::{Command, Reply, Task, keep_panics_quiet};
use crate::callback::Callback;
use crate::process::{Process, StartMethod};
use ipc_channel::TryRecvError;
use ipc_channel::ipc::{self, IpcReceiver, IpcSender};
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// What every worker is started with; it travels to the server with the server's arguments.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(super) struct WorkerConfig {
    maxtasksperchild: Option<usize>,
    /// The initializer, to be called in each worker.
    initializer: Option<Callback<fn()>>,
}

impl WorkerConfig {
    pub(super) fn new(maxtasksperchild: Option<usize>, initializer: Option<fn()>) -> Self {
        WorkerConfig {
            maxtasksperchild,
            initializer: initializer.map(Callback::new),
        }
    }

    fn initializer(self) -> Option<fn()> {
        self.initializer.map(Callback::get)
    }
}

/// The fork server's loop: fork workers on request, report each one that ends, stop on request
/// or when the program is gone. A process target: the pool starts it by its start method.
pub(super) fn serve(
    commands: IpcReceiver<Command>,
    replies: IpcSender<Reply>,
    config: WorkerConfig,
) {
    let mut workers: Vec<(usize, Process)> = Vec::new();
    let mut started = 0;
    loop {
        match commands.try_recv_timeout(Duration::from_millis(20)) {
            Ok(Command::Spawn { slot }) => {
                started += 1;
                let name = format!("ForkPoolWorker-{started}");
                let Ok((tasks, inbox)) = ipc::channel::<Task>() else {
                    return;
                };
                let to_program = replies.clone();
                // A fork, whatever the program's method: the server has one thread.
                let mut worker = Process::new(move || work(slot, &inbox, &to_program, config))
                    .name(&name)
                    .start_method(StartMethod::Fork);
                if worker.start().is_err() {
                    return;
                }
                let pid = worker.pid().expect("a started process has a PID");
                workers.push((slot, worker));
                if replies
                    .send(Reply::Spawned {
                        slot,
                        name,
                        pid,
                        tasks,
                    })
                    .is_err()
                {
                    break;
                }
            }
            Ok(Command::Stop) => {
                for (_, worker) in &mut workers {
                    worker.join();
                }
                return;
            }
            Ok(Command::KillWorker { slot }) => {
                // Its own child, not yet reaped here: the PID is still that worker's.
                for (_, worker) in workers.iter_mut().filter(|(s, _)| *s == slot) {
                    worker.kill();
                }
            }
            Ok(Command::Kill) | Err(TryRecvError::IpcError(_)) => break,
            Err(TryRecvError::Empty) => {}
        }
        let mut index = 0;
        while index < workers.len() {
            if workers[index].1.is_alive() {
                index += 1;
                continue;
            }
            let (slot, mut worker) = workers.swap_remove(index);
            let exitcode = worker.exitcode();
            if replies.send(Reply::Ended { slot, exitcode }).is_err() {
                break;
            }
        }
    }
    for (_, worker) in &mut workers {
        worker.kill();
    }
    for (_, worker) in &mut workers {
        worker.join();
    }
}

/// A worker's loop: run each task it is sent, report the outcome; after `maxtasksperchild`
/// tasks, or when told to stop, exit.
fn work(slot: usize, inbox: &IpcReceiver<Task>, replies: &IpcSender<Reply>, config: WorkerConfig) {
    keep_panics_quiet();
    crate::output::drop_lines_when_stdout_closes();
    if let Some(initializer) = config.initializer() {
        initializer();
    }
    let mut done = 0;
    while let Ok(Task::Run(batch)) = inbox.recv() {
        for chunk in batch {
            if replies.send(chunk.run(slot)).is_err() {
                return;
            }
            done += 1;
            if config.maxtasksperchild.is_some_and(|most| done >= most) {
                return;
            }
        }
    }
}
