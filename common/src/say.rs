//! Printing a line: the notes' `print`, made safe to call from many threads and processes.
//!
//! Each line goes to stdout as ONE `write(2)` of the whole line and its newline, straight to file
//! descriptor 1 with no user-space buffer. That is what keeps lines whole: a pipe never splits a
//! write of up to `PIPE_BUF` (4096) bytes, and a forked child has no half-full buffer of the
//! parent's to print a second time.

use crate::config::{self, Show};
use crate::identity::{current_process, current_thread_name};
use crate::trace::{self, Event, Kind};
use std::io;
use std::os::fd::AsFd;
use std::sync::Mutex;

/// Prints one line like Python's `print`: `format!` arguments, a newline added.
///
/// The line is written with one `write(2)`, and recorded in the trace when `TUTORIAL_TRACE` is set.
/// If stdout has been closed by its reader (`| head -1`), the program ends quietly with status 0.
///
/// ```
/// let name = "thread 0";
/// common::say!("sub thread start  {name}");
/// ```
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::say::say_line(&::std::format!($($arg)*))
    };
}

/// Held while one line goes to stdout and then to the trace, and while any other trace event is
/// stamped and written: within a process the trace lists events in the order they happened, and
/// printed lines in the order stdout got them.
static OUTPUT: Mutex<()> = Mutex::new(());

/// Takes [`OUTPUT`].
pub(crate) fn lock_output() -> std::sync::MutexGuard<'static, ()> {
    OUTPUT
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Prints `msg` and a newline as one write, then records it in the trace. [`say!`] calls this.
///
/// ```
/// common::say::say_line("main thread start");
/// ```
pub fn say_line(msg: &str) {
    let config = config::get();
    let mut line = String::with_capacity(msg.len() + 64);
    if config.show == Show::Pid {
        let me = current_process();
        line.push_str(&format!(
            "[{}/{} pid={}] ",
            me.name,
            current_thread_name(),
            me.pid
        ));
    }
    line.push_str(msg);
    line.push('\n');

    if config.trace.is_some() {
        // This process's and thread's first events (`process_start`, `thread_start`) come first.
        trace::ensure_started();
    }
    let _guard = lock_output();
    match write_whole(io::stdout().as_fd(), line.as_bytes()) {
        Ok(()) => {}
        // The reader went away (`| head -1`): nobody will see another line, so stop quietly,
        // the way a C program dies of SIGPIPE, instead of Rust's default panic.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => stdout_closed(),
        Err(error) => fail(&format!("cannot write to stdout: {error}")),
    }
    if config.trace.is_some() {
        trace::write_locked(trace::event_here(Kind::Say, msg, None));
    }
}

/// Ends the program on an output error: its children first, then `_exit(1)`. Not `exit`: its
/// `atexit` handlers write to the trace, under the lock this thread may be holding.
fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    crate::process::children::end_all();
    crate::process::exit_now(1)
}

/// Appends `event` to the trace file as one write; a failure ends the program with a message.
pub(crate) fn write_trace(file: &std::fs::File, event: &Event) {
    if let Err(error) = write_whole(file.as_fd(), event.to_json_line().as_bytes()) {
        fail(&format!("cannot write to {}: {error}", config::TRACE_VAR));
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

/// Whether stdout is a pipe whose reader has gone (`| head -1` has exited).
pub(crate) fn stdout_reader_gone() -> bool {
    use nix::poll::{PollFd, PollFlags, poll};
    let stdout = io::stdout();
    let mut fds = [PollFd::new(stdout.as_fd(), PollFlags::POLLOUT)];
    poll(&mut fds, 0u8).is_ok()
        && fds[0]
            .revents()
            .is_some_and(|events| events.contains(PollFlags::POLLERR))
}

/// Ends the process at once with status 0: stdout's reader is gone. Its children, if any, are
/// killed and reaped first: they could not print either.
pub(crate) fn stdout_closed() -> ! {
    crate::process::children::end_all();
    crate::process::exit_now(0)
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
