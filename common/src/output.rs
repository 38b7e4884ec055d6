//! The bottom of printing: the one lock that every printed line and trace event is written under,
//! the whole-line write, and the two ways a process ends abruptly because of its output.
//!
//! A module above that must act before such an end (end the children) installs a hook here
//! ([`before_abrupt_exit`]); this module never reaches up.

use std::io::{self, Write};
use std::os::fd::AsFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};

/// Held while a line goes to stdout and then to the trace, and while any other trace event is
/// stamped and written: within a process the trace lists events in the order they happened, and
/// printed lines in the order stdout got them. Not reentrant: code that holds it must not write a
/// trace event that takes it again.
static OUTPUT: Mutex<()> = Mutex::new(());

/// Proof that the output lock is held, for the functions that write under it.
pub(crate) type OutputGuard = MutexGuard<'static, ()>;

/// Takes the output lock (a panic elsewhere while it was held does not matter: it guards no data).
pub(crate) fn lock() -> OutputGuard {
    OUTPUT
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Set in a pool worker: its lines go nowhere once stdout is closed, and it goes on.
static DROP_LINES_WHEN_STDOUT_CLOSES: AtomicBool = AtomicBool::new(false);

/// Makes this process drop its lines, not end, when stdout's reader goes away: a pool worker's
/// task runs to its end and its caller gets the result; the caller meets the closed stdout at
/// its own next line and ends there. One place decides to end the program: the line that cannot
/// be printed in the process that owns the program's life.
pub(crate) fn drop_lines_when_stdout_closes() {
    DROP_LINES_WHEN_STDOUT_CLOSES.store(true, Ordering::Relaxed);
}

/// Writes `line` (newline included) to stdout as one write, under the lock. A reader that went
/// away (`| head -1`) ends the program quietly with status 0, as a C program dies of SIGPIPE,
/// instead of Rust's broken-pipe panic (a pool worker drops the line instead, see
/// [`drop_lines_when_stdout_closes`]); any other error ends it with a message.
pub(crate) fn write_stdout(_locked: &OutputGuard, line: &str) {
    match write_whole(io::stdout().as_fd(), line.as_bytes()) {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {
            if !DROP_LINES_WHEN_STDOUT_CLOSES.load(Ordering::Relaxed) {
                stdout_closed()
            }
        }
        Err(error) => fail(&format!("cannot write to stdout: {error}")),
    }
}

/// Writes all of `bytes` to `fd`: one `write(2)` unless the kernel takes less (a line longer
/// than a pipe's buffer, or a signal), in which case the rest follows.
pub(crate) fn write_whole(fd: impl AsFd, bytes: &[u8]) -> io::Result<()> {
    let fd = fd.as_fd();
    let mut rest = bytes;
    while !rest.is_empty() {
        match nix::unistd::write(fd, rest) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(written) => rest = &rest[written..],
            Err(nix::errno::Errno::EINTR) => {}
            Err(errno) => return Err(errno.into()),
        }
    }
    Ok(())
}

/// What runs before an abrupt end; `process` installs "kill and reap the children".
static BEFORE_ABRUPT_EXIT: OnceLock<fn()> = OnceLock::new();

/// Installs `hook` to run before [`stdout_closed`] and [`fail`] end the process (once; later
/// calls are ignored). It may run while this thread holds the output lock: it must not print.
pub(crate) fn before_abrupt_exit(hook: fn()) {
    let _ = BEFORE_ABRUPT_EXIT.set(hook);
}

/// Ends the process at once with status 0: stdout's reader is gone, and nobody would see
/// another line. The hook runs first.
pub(crate) fn stdout_closed() -> ! {
    if let Some(hook) = BEFORE_ABRUPT_EXIT.get() {
        hook();
    }
    exit_now(0)
}

/// Ends the process on an output error: a message, the hook, then `_exit(1)`. Not `exit`: its
/// handlers write to the trace, under the lock this thread may be holding.
pub(crate) fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    if let Some(hook) = BEFORE_ABRUPT_EXIT.get() {
        hook();
    }
    exit_now(1)
}

/// Flushes stdout and leaves at once, running nothing else (no `atexit` handlers, no destructors
/// of values a fork copied).
pub(crate) fn exit_now(code: i32) -> ! {
    let _ = io::stdout().flush();
    // SAFETY: `_exit` ends the process without touching any memory of ours; it is always sound.
    unsafe { nix::libc::_exit(code) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufRead, BufReader};
    use std::os::fd::OwnedFd;
    use std::thread;

    /// Eight threads write 1000 lines each into one pipe; every line arrives whole.
    #[test]
    fn lines_never_tear_under_eight_writers() {
        let (read_end, write_end): (OwnedFd, OwnedFd) = nix::unistd::pipe().expect("pipe");
        let reader = thread::spawn(move || {
            let lines: Vec<String> = BufReader::new(std::fs::File::from(read_end))
                .lines()
                .map(|line| line.expect("utf-8 line"))
                .collect();
            lines
        });
        thread::scope(|scope| {
            for writer in 0..8 {
                let fd = write_end.as_fd();
                scope.spawn(move || {
                    for i in 0..1000 {
                        // Long enough that a torn line would show.
                        let line = format!("writer {writer} line {i} {}\n", "x".repeat(200));
                        write_whole(fd, line.as_bytes()).expect("write");
                    }
                });
            }
        });
        drop(write_end);
        let lines = reader.join().expect("reader");
        assert_eq!(lines.len(), 8000);
        let mut seen = std::collections::HashSet::new();
        for line in &lines {
            let mut words = line.split(' ');
            let (w, writer, l, i, tail) = (
                words.next(),
                words.next(),
                words.next(),
                words.next(),
                words.next(),
            );
            assert_eq!((w, l), (Some("writer"), Some("line")), "torn: {line:?}");
            assert_eq!(tail, Some("x".repeat(200).as_str()), "torn: {line:?}");
            assert!(
                seen.insert((writer.map(str::to_owned), i.map(str::to_owned))),
                "twice: {line:?}"
            );
        }
    }

    #[test]
    fn a_line_longer_than_a_pipe_buffer_arrives_whole() {
        let (read_end, write_end): (OwnedFd, OwnedFd) = nix::unistd::pipe().expect("pipe");
        let long = "y".repeat(200_000) + "\n";
        let reader = thread::spawn(move || std::io::read_to_string(std::fs::File::from(read_end)));
        write_whole(&write_end, long.as_bytes()).expect("write");
        drop(write_end);
        assert_eq!(reader.join().expect("reader").expect("read"), long);
    }
}
