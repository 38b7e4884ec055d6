//! Messages between processes: queues, the pipe, the manager, and the floor under them all (a
//! blocking round trip of one byte on raw pipes: what waking the other process costs).

use crate::time;
use common::ipc::pipe;
use common::process::Process;
use ipc_channel::ipc;
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, fork, read, write};
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::thread;
use std::time::Duration;

/// The floor: `n` round trips of one byte on two raw pipes (`write`, then a blocking `read`),
/// to a child made by a bare `fork` that echoes it. No wrapper, no framing, no allocation: what
/// every round trip between two processes pays for the wake-up, whatever carries it.
pub fn floor_roundtrip(n: u64) -> Duration {
    let (down_read, down_write) = nix::unistd::pipe().expect("pipe");
    let (up_read, up_write) = nix::unistd::pipe().expect("pipe");
    // SAFETY: `bench measure` runs this in a process with one thread; the child only reads,
    // writes and `_exit`s (no allocation, no lock).
    let child = match unsafe { fork() }.expect("fork") {
        ForkResult::Child => {
            let mut byte = [0u8; 1];
            while read(&down_read, &mut byte) == Ok(1) && byte[0] != 0xff {
                let _ = write(&up_write, &byte);
            }
            // SAFETY: `_exit` ends the child without running the parent's destructors twice.
            unsafe { nix::libc::_exit(0) }
        }
        ForkResult::Parent { child } => child,
    };
    drop((down_read, up_write));
    let elapsed = time(|| {
        let mut byte = [0u8; 1];
        for i in 0..n {
            write(&down_write, &[i as u8 & 0x7f]).expect("write");
            read(&up_read, &mut byte).expect("read");
        }
    });
    write(&down_write, &[0xff]).expect("stop");
    waitpid(child, None).expect("waitpid");
    elapsed
}

/// `n` small messages (a `u64`) from a child to its parent through an `ipc-channel` queue.
pub fn queue_small_ipc(n: u64) -> Duration {
    let (put, get) = ipc::channel::<u64>().expect("channel");
    time(|| {
        let mut child = Process::new(move || (0..n).for_each(|i| put.send(i).expect("send")));
        child.start().expect("start");
        for _ in 0..n {
            get.recv().expect("recv");
        }
        child.join();
    })
}

/// `n` small messages between two threads through a `crossbeam-channel`.
pub fn queue_small_crossbeam(n: u64) -> Duration {
    let (put, get) = crossbeam_channel::unbounded::<u64>();
    time(|| {
        let sender = thread::spawn(move || (0..n).for_each(|i| put.send(i).expect("send")));
        for _ in 0..n {
            get.recv().expect("recv");
        }
        sender.join().expect("join");
    })
}

/// `n` messages of 1 MiB from a child to its parent through an `ipc-channel` queue of bytes
/// (`bytes_channel`, made for raw bytes: the sender lends its buffer, as CPython's `q.put`
/// pickles the same `bytes` object each time, with no copy of it made first).
pub fn queue_1mib_ipc(n: u64) -> Duration {
    let (put, get) = ipc::bytes_channel().expect("channel");
    let payload = vec![7u8; 1 << 20];
    time(|| {
        let mut child =
            Process::new(move || (0..n).for_each(|_| put.send(&payload).expect("send")));
        child.start().expect("start");
        for _ in 0..n {
            assert_eq!(get.recv().expect("recv").len(), 1 << 20);
        }
        child.join();
    })
}

/// `n` round trips of a `u64` through the `pipe` example's connection, to an echoing child.
pub fn pipe_roundtrip(n: u64) -> Duration {
    let (here, there) = pipe().expect("pipe");
    // The child inherited the parent's end too, so it would never see EOF: `u64::MAX` says stop.
    let mut child = Process::new(move || {
        while let Ok(value) = there.recv::<u64>() {
            if value == u64::MAX {
                break;
            }
            there.send(&value).expect("echo");
        }
    });
    child.start().expect("start");
    let elapsed = time(|| {
        for i in 0..n {
            here.send(&i).expect("send");
            assert_eq!(here.recv::<u64>().expect("recv"), i);
        }
    });
    here.send(&u64::MAX).expect("stop");
    child.join();
    elapsed
}

/// The raw calls under the connection: 8 bytes each way over a `socketpair`, `n` times.
pub fn raw_socketpair_roundtrip(n: u64) -> Duration {
    let (mut here, mut there) = UnixStream::pair().expect("socketpair");
    let mut child = Process::new(move || {
        let mut buf = [0u8; 8];
        while there.read_exact(&mut buf).is_ok() && buf != [0xff; 8] {
            there.write_all(&buf).expect("echo");
        }
    });
    child.start().expect("start");
    let elapsed = time(|| {
        let mut buf = [0u8; 8];
        for i in 0..n {
            here.write_all(&i.to_le_bytes()).expect("write");
            here.read_exact(&mut buf).expect("read");
        }
    });
    here.write_all(&[0xff; 8]).expect("stop");
    child.join();
    elapsed
}

/// The same on a `SOCK_SEQPACKET` socketpair, the kind `ipc-channel` (and so `ipc::pipe`) uses:
/// 8 bytes each way, `n` times.
pub fn raw_seqpacket_roundtrip(n: u64) -> Duration {
    let mut fds = [0; 2];
    // SAFETY: `socketpair` writes two new descriptors into the array it is given.
    let made = unsafe {
        nix::libc::socketpair(
            nix::libc::AF_UNIX,
            nix::libc::SOCK_SEQPACKET | nix::libc::SOCK_CLOEXEC,
            0,
            fds.as_mut_ptr(),
        )
    };
    assert_eq!(made, 0, "socketpair");
    // SAFETY: both descriptors were just made by `socketpair` and are owned by nothing else.
    let (here, there) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    let mut child = Process::new(move || {
        let mut buf = [0u8; 8];
        while read(&there, &mut buf) == Ok(8) && buf != [0xff; 8] {
            write(&there, &buf).expect("echo");
        }
    });
    child.start().expect("start");
    let elapsed = time(|| {
        let mut buf = [0u8; 8];
        for i in 0..n {
            write(&here, &i.to_le_bytes()).expect("write");
            read(&here, &mut buf).expect("read");
        }
    });
    write(&here, &[0xff; 8]).expect("stop");
    child.join();
    elapsed
}

/// `n` round trips to a manager's dict: `d[0] = i`, then `d[0]` read back (Python's
/// `Manager().dict()`). The manager is started before the clock.
pub fn manager_dict_roundtrip(n: u64) -> Duration {
    let manager = common::manager::Manager::start().expect("manager");
    let d = manager.dict::<u64, u64>().expect("dict");
    d.set(0, 0).expect("connect before the clock");
    time(|| {
        for i in 0..n {
            d.set(0, i).expect("set");
            assert_eq!(d.get(&0).expect("get"), Some(i));
        }
    })
}
