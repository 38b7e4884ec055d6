//! `forkserver`: children are forked by a server, not by the program.
//!
//! At the first such start the program runs itself again as the server (as `spawn` does, with
//! `TUTORIAL_FORKSERVER`), which never starts a thread and so can always fork safely. For each
//! start the program sends it the [`Launch`]; the server forks a helper, the helper forks the
//! child and exits at once. The program has made itself a child subreaper, so the orphaned child
//! becomes the program's own child (Linux), and `join`, `kill` and the exit rule treat it as any
//! other. The child has the server's memory (the program as it started), not the program's, and
//! the program may run threads meanwhile. Every child shares the server's lifeline, whose write
//! end only the program holds: when the program dies, the server and its children follow.

use super::method::StartMethod;
use super::spawn::{Launch, run_again};
use super::{Process, ProcessError, children, lifeline};
use crate::config::FORKSERVER_VAR;
use crate::output::exit_now;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use nix::unistd::{ForkResult, Pid, fork, getppid};
use std::io::{Read, Write};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The program's end of its server: the request socket, and the lifeline's write end.
struct Server {
    requests: UnixStream,
    _lifeline: OwnedFd,
}

static SERVER: Mutex<Option<Server>> = Mutex::new(None);

/// In a new forked child: the program's server is not this process's to use (its children would
/// become the program's, not this child's).
pub(super) fn forget() {
    *SERVER.lock().unwrap_or_else(|e| e.into_inner()) = None;
}

/// Has the server fork `process`'s child; in the program, its PID, registered among the children.
pub(super) fn start(process: &mut Process) -> Result<Pid, ProcessError> {
    let launch = Launch::take(process, StartMethod::ForkServer)?;
    children::register_exit_rule();
    crate::trace::lifecycle::ensure_started();
    let request = postcard::to_stdvec(&launch).expect("a Launch always encodes");
    let mut server = SERVER.lock().unwrap_or_else(|e| e.into_inner());
    if server.is_none() {
        *server = Some(start_server().map_err(ProcessError::Spawn)?);
    }
    let Some(server) = server.as_mut() else {
        unreachable!("started just above")
    };
    // As for `fork`: a SIGINT between the fork and the table would leave the child behind.
    let signals = children::hold_fatal_signals();
    let reply = ask(&mut server.requests, &request);
    let pid = match reply {
        Ok(pid) if pid > 0 => Pid::from_raw(pid),
        Ok(_) => {
            children::release_signals(signals);
            let error = std::io::Error::other("the fork server could not fork");
            return Err(ProcessError::Spawn(error));
        }
        Err(error) => {
            children::release_signals(signals);
            return Err(ProcessError::Spawn(error));
        }
    };
    children::add(pid, process.daemon, &process.name);
    children::release_signals(signals);
    Ok(pid)
}

/// One request: the launch's length and bytes; the reply: the child's PID (0 if it failed).
fn ask(requests: &mut UnixStream, request: &[u8]) -> std::io::Result<i32> {
    let ended = |_| {
        std::io::Error::other("the fork server ended before it answered (its message is on stderr)")
    };
    let length = u32::try_from(request.len()).map_err(std::io::Error::other)?;
    requests.write_all(&length.to_le_bytes()).map_err(ended)?;
    requests.write_all(request).map_err(ended)?;
    let mut pid = [0u8; 4];
    requests.read_exact(&mut pid).map_err(ended)?;
    Ok(i32::from_le_bytes(pid))
}

/// Runs this program again as the server. It is a daemon child of the program (terminated by the
/// exit rule, left out of `active_children`).
fn start_server() -> std::io::Result<Server> {
    nix::sys::prctl::set_child_subreaper(true)?;
    let (requests, theirs) = UnixStream::pair()?;
    let (held, watched) = lifeline::new()?;
    let value = format!(
        "{},{},{}",
        theirs.as_raw_fd(),
        watched.as_raw_fd(),
        std::process::id()
    );
    let signals = children::hold_fatal_signals();
    let started = run_again(
        FORKSERVER_VAR,
        &value,
        [theirs.as_raw_fd(), watched.as_raw_fd()],
    );
    if let Ok(pid) = started {
        children::add_server(pid);
    }
    children::release_signals(signals);
    started?;
    Ok(Server {
        requests,
        _lifeline: held,
    })
}

/// The server: forks a child for each request until the program closes the socket or dies.
pub(super) fn serve(requests: OwnedFd, lifeline: OwnedFd) -> ! {
    // Its name in `ps` and `top`; each child takes its own.
    let _ = nix::sys::prctl::set_name(c"forkserver");
    let mut requests = UnixStream::from(requests);
    loop {
        let mut fds = [
            PollFd::new(requests.as_fd(), PollFlags::POLLIN),
            PollFd::new(lifeline.as_fd(), PollFlags::POLLIN),
        ];
        match poll(&mut fds, PollTimeout::NONE) {
            Err(nix::errno::Errno::EINTR) => continue,
            Err(_) => exit_now(1),
            Ok(_) => {}
        }
        // Anything on the lifeline is its end: the program is gone.
        if fds[1].any().unwrap_or(true) {
            exit_now(0);
        }
        let Some(launch) = receive(&mut requests) else {
            exit_now(0) // the program closed its end
        };
        let pid = fork_child(launch, &requests, &lifeline);
        if requests.write_all(&pid.to_le_bytes()).is_err() {
            exit_now(0);
        }
    }
}

fn receive(requests: &mut UnixStream) -> Option<Launch> {
    let mut length = [0u8; 4];
    requests.read_exact(&mut length).ok()?;
    let mut bytes = vec![0u8; u32::from_le_bytes(length) as usize];
    requests.read_exact(&mut bytes).ok()?;
    postcard::from_bytes(&bytes).ok()
}

/// Forks a helper that forks the child and exits, so that the child is orphaned and becomes
/// the program's (its subreaper). The child's PID, once the helper is reaped; 0 on failure.
fn fork_child(launch: Launch, requests: &UnixStream, lifeline: &OwnedFd) -> i32 {
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
                    run_child(launch, requests, lifeline)
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
fn run_child(launch: Launch, requests: &UnixStream, lifeline: &OwnedFd) -> ! {
    let parent = launch.parent();
    let Ok(lifeline) = lifeline.try_clone() else {
        exit_now(1)
    };
    // The server's socket is not the child's: a child holding it would keep the program from
    // seeing the server end.
    // SAFETY: closing a descriptor this process inherited and never uses again; the
    // `UnixStream` it belongs to lives in the server's frames, which this child never returns to.
    unsafe { nix::libc::close(requests.as_raw_fd()) };
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
    launch.run(lifeline)
}
