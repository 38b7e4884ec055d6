//! `forkserver`: children are forked by a server, not by the program.
//!
//! At the first such start the program runs itself again as the server (as `spawn` does, with
//! `TUTORIAL_FORKSERVER`), which never starts a thread and so can always fork safely. For each
//! start the program sends it the [`Launch`] on an `ipc-channel` (the arguments' channel travels
//! inside) and rings on the socket they share; the server forks a helper, the helper forks the
//! child and exits at once, and the server answers with the child's PID. The program has made
//! itself a child subreaper, so the orphaned child becomes the program's own child (Linux), and
//! `join`, `kill` and the exit rule treat it as any other. The child has the server's memory
//! (the program as it started), not the program's, and the program may run threads meanwhile.
//! Every child shares the server's lifeline, whose write end only the program holds: when the
//! program dies, the server and its children follow.
//!
//! # Who can reach it
//! Only the program. Its socket is one end of a `socketpair` it inherited (no name anyone can
//! connect to: CPython's forkserver once listened on an abstract socket that any local user could
//! reach, CVE-2022-42919), and its launches come on an `ipc-channel` whose one-shot socket is a
//! file in a new temporary directory, removed once the program has connected (`handoff.rs`):
//! connecting needs write permission on it, which the umask gives only to its user (0755 under
//! the usual 022; a umask of 000 would open it to all, as it would CPython's files). A
//! stalled program makes it wait, which costs no one else: it serves no one else. A dead program
//! ends it (the lifeline: `a_child_dies_with_its_killed_parent` in `tests/methods`); a program that
//! closes its socket mid-launch ends it too. The program reads only a 4-byte PID from it, and a
//! server that dies is an error at `start`, not a hang (the read sees the socket's end); a
//! server found dead (killed, crashed) at the next start is reaped, and a new one booted. A PID
//! that is not the program's child (the helper's child is orphaned to the program before the
//! server answers) is a lie: the start fails, and the liar is ended.
//!
//! # A server that stops
//! While a start waits for the PID, it looks at the server's state every 50 ms: a server seen
//! stopped (SIGSTOP, job control, a debugger) for a second is ended (SIGKILL) and reaped, the
//! start fails with an error that names it, and the next start boots a new server. A slow server
//! (a loaded machine) is running or asleep, never stopped, so it is waited for, as Python waits.
//! Left: a server stopped after it forked the child but before it wrote the PID leaves that child
//! running unknown to the program's table (it is still the program's child, through the
//! subreaper, and ends with the lifeline).

use super::at_fork;
use super::forkserver_answer::{ended, read_pid};
use super::handoff;
use super::method::StartMethod;
use super::run_again::run_again;
use super::spawn::{Launch, deliver};
use super::{Process, ProcessError, children, lifeline};
use crate::config::{FORKSERVER_LIE_VAR, FORKSERVER_VAR};
use crate::output::exit_now;
use ipc_channel::ipc::IpcSender;
use nix::unistd::{ForkResult, Pid, fork, getppid};
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};

/// The program's end of its server: the socket it rings and reads PIDs on, the channel it sends
/// launches on, and the lifeline's write end.
struct Server {
    bell: UnixStream,
    launches: IpcSender<Launch>,
    _lifeline: OwnedFd,
    pid: Pid,
}

/// A server just run, not yet connected to.
struct Booting {
    bell: UnixStream,
    lifeline: OwnedFd,
    pid: Pid,
}

static SERVER: Mutex<Option<Server>> = Mutex::new(None);

/// In a new forked child: the program's server is not this process's to use (its children would
/// become the program's, not this child's). Registered with `at_fork` once there is a server.
fn forget() {
    *SERVER.lock().unwrap_or_else(|e| e.into_inner()) = None;
}

/// Has the server fork `process`'s child; in the program, its PID, registered among the children.
pub(super) fn start(process: &mut Process) -> Result<Pid, ProcessError> {
    let (launch, pending) = Launch::take(process, StartMethod::ForkServer)?;
    children::register_exit_rule();
    crate::trace::lifecycle::ensure_started();
    let mut server = SERVER.lock().unwrap_or_else(|e| e.into_inner());
    // A server that died since the last start (SIGKILL, a crash) is reaped and replaced: asking
    // it would fail with a broken pipe (`a_killed_fork_server_is_replaced_at_the_next_start`).
    if server
        .as_ref()
        .is_some_and(|running| children::server_ended(running.pid))
    {
        *server = None;
    }
    let booting = match *server {
        None => Some(boot().map_err(ProcessError::Spawn)?),
        Some(_) => None,
    };
    // As for `fork`: a SIGINT between the fork and the table would leave the child behind.
    let signals = children::hold_fatal_signals();
    let reply = match (server.as_mut(), booting) {
        (_, Some(booting)) => booting.connect(launch).map(|(started, pid)| {
            *server = Some(started);
            static FORGET: Once = Once::new();
            FORGET.call_once(|| at_fork::forget_in_child(forget));
            pid
        }),
        (Some(running), None) => running.ask(launch),
        (None, None) => unreachable!("booted just above"),
    };
    let pid = match reply {
        Ok(pid) if pid > 0 && super::status::is_our_child(Pid::from_raw(pid)) => Pid::from_raw(pid),
        Ok(pid) if pid > 0 => {
            // A server that names a process that is not our child (its child is orphaned to us
            // before it answers) lies: what it says next cannot be trusted either, and `join`
            // or `kill` on that PID would reach a stranger. It is ended; the next start boots
            // another (`a_lying_fork_server_is_an_error_then_replaced`).
            let liar = server.take().map(|liar| liar.pid);
            if let Some(liar) = liar {
                children::retire_server(liar);
            }
            children::release_signals(signals);
            let liar = liar.map_or_else(String::new, |liar| format!(" (PID {liar})"));
            let error = std::io::Error::other(format!(
                "the fork server{liar} answered PID {pid}, which is not a child of this program: it was ended, and the next start brings up another"
            ));
            return Err(ProcessError::Spawn(error));
        }
        Ok(_) => {
            children::release_signals(signals);
            let error = std::io::Error::other("the fork server could not fork");
            return Err(ProcessError::Spawn(error));
        }
        Err(error) => {
            // A stopped server is of no more use: it is ended, and the next start boots another.
            if error.kind() == std::io::ErrorKind::TimedOut
                && let Some(stopped) = server.take()
            {
                children::retire_server(stopped.pid);
            }
            // One killed in the middle of this start fails it; the next start boots another.
            if server
                .as_ref()
                .is_some_and(|running| children::server_ended(running.pid))
            {
                *server = None;
            }
            children::release_signals(signals);
            return Err(ProcessError::Spawn(error));
        }
    };
    children::add(pid, process.daemon, &process.name);
    children::release_signals(signals);
    deliver(pid, pending)
}

impl Server {
    /// One launch: sent, rung, answered.
    fn ask(&mut self, launch: Launch) -> std::io::Result<i32> {
        self.launches.send(launch).map_err(std::io::Error::other)?;
        handoff::ring(&mut self.bell).map_err(ended)?;
        read_pid(&mut self.bell, self.pid)
    }
}

impl Booting {
    /// Connects to the new server with the first launch: the server, and the launch's answer.
    fn connect(mut self, first: Launch) -> std::io::Result<(Server, i32)> {
        let launches = handoff::connect(&mut self.bell, first)?
            .ok_or_else(|| ended(std::io::ErrorKind::UnexpectedEof.into()))?;
        let pid = read_pid(&mut self.bell, self.pid)?;
        let server = Server {
            bell: self.bell,
            launches,
            _lifeline: self.lifeline,
            pid: self.pid,
        };
        Ok((server, pid))
    }
}

/// Runs this program again as the server. It is a daemon child of the program (terminated by the
/// exit rule, left out of `active_children`).
fn boot() -> std::io::Result<Booting> {
    nix::sys::prctl::set_child_subreaper(true)?;
    let (bell, theirs) = UnixStream::pair()?;
    let (held, watched) = lifeline::new()?;
    let signals = children::hold_fatal_signals();
    let started = run_again(FORKSERVER_VAR, &theirs, &watched);
    if let Ok(pid) = started {
        children::add_server(pid);
    }
    children::release_signals(signals);
    Ok(Booting {
        bell,
        lifeline: held,
        pid: started?,
    })
}

/// The server: forks a child for each launch until the program closes its socket or dies.
pub(super) fn serve(mut bell: UnixStream, lifeline: OwnedFd) -> ! {
    // Its name in `ps` and `top`; each child takes its own.
    let _ = nix::sys::prctl::set_name(c"forkserver");
    let (launches, mut launch) = match handoff::accept::<Launch>(&mut bell, &lifeline) {
        Ok(first) => first,
        Err(why) => {
            eprintln!("error: the fork server could not start: {why}");
            exit_now(1)
        }
    };
    // A fault for the tests (issue #57): a server that answers this PID, not its child's.
    let lie: Option<i32> = std::env::var(FORKSERVER_LIE_VAR)
        .ok()
        .and_then(|pid| pid.parse().ok());
    loop {
        let pid = fork_child(launch, &bell, &lifeline);
        let pid = lie.unwrap_or(pid);
        if bell.write_all(&pid.to_le_bytes()).is_err()
            || !handoff::wait_for_ring(&mut bell, &lifeline, None)
        {
            exit_now(0) // the program closed its end, or died
        }
        // Sent before the ring, so it is there.
        launch = match launches.recv() {
            Ok(launch) => launch,
            Err(_) => exit_now(0),
        };
    }
}

/// Forks a helper that forks the child and exits, so that the child is orphaned and becomes
/// the program's (its subreaper). The child's PID, once the helper is reaped; 0 on failure.
fn fork_child(launch: Launch, bell: &UnixStream, lifeline: &OwnedFd) -> i32 {
    let Ok((mut from_helper, mut to_server)) = UnixStream::pair() else {
        return 0;
    };
    // SAFETY: the server has one thread (it never starts another), so the fork copies no lock
    // that another thread holds. The helper only forks, writes a PID and calls `_exit`.
    match unsafe { fork() } {
        Ok(ForkResult::Child) => {
            // SAFETY: as above: the helper has one thread. The child runs `run_child`, which
            // never returns.
            match unsafe { fork() } {
                Ok(ForkResult::Child) => {
                    drop((from_helper, to_server));
                    run_child(launch, bell, lifeline)
                }
                Ok(ForkResult::Parent { child }) => {
                    let _ = to_server.write_all(&child.as_raw().to_le_bytes());
                    exit_now(0)
                }
                Err(_) => exit_now(1),
            }
        }
        Ok(ForkResult::Parent { child: helper }) => {
            drop(to_server);
            let mut pid = [0u8; 4];
            let read = from_helper.read_exact(&mut pid);
            let _ = nix::sys::wait::waitpid(helper, None);
            read.map_or(0, |()| i32::from_le_bytes(pid))
        }
        Err(_) => 0,
    }
}

/// The child: waits until it is the program's (the helper has exited), then runs the launch.
fn run_child(launch: Launch, bell: &UnixStream, lifeline: &OwnedFd) -> ! {
    let parent = launch.parent();
    let Ok(lifeline) = lifeline.try_clone() else {
        exit_now(1)
    };
    // The server's socket is not the child's: a child holding it would keep the program from
    // seeing the server end.
    // SAFETY: closing a descriptor this process inherited and never uses again; the
    // `UnixStream` it belongs to lives in the server's frames, which this child never returns to.
    unsafe { nix::libc::close(bell.as_raw_fd()) };
    // The helper exits at once; its orphan goes to the program, or, if the program died
    // meanwhile, to someone else: then this child has no one to run for.
    let helper = getppid();
    let deadline = Instant::now() + Duration::from_secs(5);
    while getppid() == helper && helper != parent && Instant::now() < deadline {
        std::thread::sleep(Duration::from_micros(100));
    }
    if getppid() != parent {
        exit_now(1);
    }
    launch.run(lifeline, StartMethod::ForkServer)
}
