//! Python's resource tracker: a process that unlinks the named blocks a program leaves behind.
//!
//! The first [`super::SharedMemory::create`] in a process starts it: a grandchild (so that no
//! one has to reap it) that reads "created" and "unlinked" records from a pipe. The program and
//! its forked children hold the pipe's write end; when the last of them is gone, however it ended
//! (even by SIGKILL), the tracker reads end-of-file, unlinks every block still registered, says so
//! on stderr as Python's tracker warns, and exits. It ignores SIGINT and SIGTERM, as Python's does,
//! so a Ctrl-C to the program's group does not take it along.
//!
//! Who can reach it: only the program and its forked children, which inherit the pipe's write end;
//! the pipe has no name. Each record is one 256-byte `write` on a packet pipe (`O_DIRECT`): a read
//! takes one write whole, so a writer killed mid-call, or one that writes garbage, costs only its
//! own packet (`garbage_on_the_trackers_pipe_costs_the_others_nothing`). A child that stalls holds
//! the pipe open, so the tracker waits for it, as it must (it may still unlink its blocks); it
//! serves no one meanwhile, so no one waits on it. A child that lies can only register names of its
//! own user's blocks (which it could unlink itself), or register many: the table grows (doubling
//! from 256 names, by `mremap`) up to 65,536, after which further blocks are left to their owners:
//! `a_block_left_by_a_killed_process_is_unlinked_by_its_tracker`,
//! `a_child_that_registers_a_thousand_blocks_leaves_the_others_tracked`. A stopped tracker stops no
//! one: a record waits 5 s for room in a full pipe, then the program goes on untracked, with a
//! warning, until it reads again (`a_stopped_tracker_does_not_stop_the_program`).
//!
//! It can be forked while the program runs threads: from the fork on, it calls only
//! async-signal-safe functions (`read`, `write`, `shm_unlink`, `_exit`...) and the raw system
//! calls `mmap` and `mremap` (no lock in user space), on memory of its own stack or mapped by
//! itself, never the allocator or a lock that another thread might have held.

use nix::libc;
use std::os::fd::{AsFd, AsRawFd, FromRawFd, OwnedFd};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// One record: the operation, the name's length, the name (with its leading `/`, and room for
/// a NUL). Smaller than `PIPE_BUF`, so writes from several processes never interleave.
const RECORD: usize = 256;
/// The longest name a record holds.
pub(super) const MAX_NAME: usize = RECORD - 3;
/// How many blocks its table holds at first; it doubles when full.
const SLOTS: usize = 256;
/// How many blocks it tracks at most (16 MiB of names): past that, more are created but left to
/// their owner to unlink. A child that registers names without end costs the tracker's memory
/// up to here, and the others nothing: their blocks, registered before or after, stay tracked
/// up to the cap.
const MOST_SLOTS: usize = 1 << 16;
const CREATED: u8 = 1;
const UNLINKED: u8 = 2;

/// The write end of this process's tracker, if it has one (forked children share the parent's).
static TRACKER: Mutex<Option<OwnedFd>> = Mutex::new(None);

/// `name` (with its `/`) was created: the tracker unlinks it if the program does not.
pub(super) fn created(name: &str) {
    let mut tracker = TRACKER.lock().unwrap_or_else(|e| e.into_inner());
    if tracker.is_none() {
        *tracker = start().ok();
    }
    if let Some(pipe) = tracker.as_ref() {
        send(pipe, CREATED, name);
    }
}

/// For tests of the tracker's own checks: writes `bytes` to this process's tracker as they are,
/// as a writer gone wrong might (a forked child holds the same pipe). The tracker must drop what
/// is not a record and go on tracking the others' blocks.
#[doc(hidden)]
pub fn write_raw(bytes: &[u8]) {
    let tracker = TRACKER.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(pipe) = tracker.as_ref() {
        // SAFETY: writes `bytes.len()` bytes from a live slice to a descriptor we own.
        unsafe { libc::write(pipe.as_raw_fd(), bytes.as_ptr().cast(), bytes.len()) };
    }
}

/// `name` was unlinked: nothing to do at the end.
pub(super) fn unlinked(name: &str) {
    let tracker = TRACKER.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(pipe) = tracker.as_ref() {
        send(pipe, UNLINKED, name);
    }
}

/// How long a record may wait for room in a full pipe: a running tracker empties it at once, so
/// one that has not read for this long is stopped or wedged, and the program goes on without it.
const FULL_FOR: std::time::Duration = std::time::Duration::from_secs(5);

fn send(pipe: &OwnedFd, op: u8, name: &str) {
    let bytes = name.as_bytes();
    if bytes.len() > MAX_NAME {
        return;
    }
    let mut record = [0u8; RECORD];
    record[0] = op;
    record[1] = bytes.len() as u8;
    record[2..2 + bytes.len()].copy_from_slice(bytes);
    let since = std::time::Instant::now();
    // Once a record has waited `FULL_FOR` in vain, the next do not wait, until one goes in again.
    static NOT_READING: AtomicBool = AtomicBool::new(false);
    loop {
        // SAFETY: writes `RECORD` bytes from a live buffer of that size to a descriptor we own
        // (non-blocking: a full pipe answers EAGAIN at once).
        let wrote = unsafe { libc::write(pipe.as_raw_fd(), record.as_ptr().cast(), RECORD) };
        if wrote == RECORD as isize {
            NOT_READING.store(false, Ordering::Relaxed);
            return;
        }
        match std::io::Error::last_os_error().raw_os_error() {
            Some(libc::EINTR) => continue,
            Some(libc::EAGAIN)
                if since.elapsed() < FULL_FOR && !NOT_READING.load(Ordering::Relaxed) =>
            {
                // The pipe is full: wait for the tracker to read, a tenth of a second at most.
                let fd = nix::poll::PollFd::new(pipe.as_fd(), nix::poll::PollFlags::POLLOUT);
                let _ = nix::poll::poll(&mut [fd], nix::poll::PollTimeout::from(100u16));
            }
            Some(libc::EAGAIN) => {
                if NOT_READING.swap(true, Ordering::Relaxed) {
                    return;
                }
                eprintln!(
                    "warning: the shared-memory tracker has read nothing for {} s (stopped?): {name} and the blocks after it are not tracked until it reads again; unlink them yourself",
                    FULL_FOR.as_secs()
                );
                return;
            }
            // The tracker is gone (EPIPE): nothing is tracked any more.
            _ => return,
        }
    }
}

/// Starts the tracker; the write end of its pipe.
fn start() -> std::io::Result<OwnedFd> {
    // A packet pipe (`O_DIRECT`): each read takes one write whole, so a writer that sends less
    // or more than a record (garbage) costs one dropped packet, not the framing of every record
    // after it.
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `pipe2` writes two descriptors into the array it is given, which we then own.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC | libc::O_DIRECT) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: both descriptors were just made by `pipe2`, and nothing else owns them.
    let (read, write) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    // SAFETY: the child and grandchild run only async-signal-safe calls until `_exit` (see
    // `serve`), so forking is sound even while other threads hold locks.
    match unsafe { libc::fork() } {
        -1 => Err(std::io::Error::last_os_error()),
        0 => {
            // SAFETY: as above.
            if unsafe { libc::fork() } == 0 {
                serve(read.as_raw_fd())
            }
            // SAFETY: `_exit` is async-signal-safe; the grandchild now belongs to init (or to
            // the nearest subreaper), and this middle process is reaped by the program below.
            unsafe { libc::_exit(0) }
        }
        middle => {
            let mut status = 0;
            // SAFETY: waits for the middle process, our own child, which exits at once.
            unsafe { libc::waitpid(middle, &mut status, 0) };
            drop(read);
            // A stopped tracker must not stop the program: a full pipe answers at once (`send`
            // waits for room up to `FULL_FOR`). The flag is the pipe's, shared by every writer.
            // SAFETY: sets a status flag on a descriptor we own; no memory is involved.
            unsafe {
                let flags = libc::fcntl(write.as_raw_fd(), libc::F_GETFL);
                libc::fcntl(write.as_raw_fd(), libc::F_SETFL, flags | libc::O_NONBLOCK);
            }
            Ok(write)
        }
    }
}

/// The tracker's table of names: records mapped by the tracker itself (`mmap`, grown by
/// `mremap`), a record's first byte `CREATED` where the slot is taken and 0 where it is free.
struct Table {
    records: *mut [u8; RECORD],
    len: usize,
}

impl Table {
    /// A table of `SLOTS` free records; `None` if the memory cannot be mapped.
    fn new() -> Option<Table> {
        // SAFETY: a fresh private anonymous mapping (zeroed: every slot free), owned by this
        // table alone; `mmap` takes no user-space lock, so it is safe after a fork.
        let at = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                SLOTS * RECORD,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        (at != libc::MAP_FAILED).then_some(Table {
            records: at.cast(),
            len: SLOTS,
        })
    }

    fn slots(&mut self) -> &mut [[u8; RECORD]] {
        // SAFETY: `records` points to `len` records mapped readable and writable for this table
        // alone, and the borrow of `self` keeps them from being remapped meanwhile.
        unsafe { std::slice::from_raw_parts_mut(self.records, self.len) }
    }

    /// A free slot, the table doubled (up to `MOST_SLOTS`) if none is; `None` at the cap.
    fn free(&mut self) -> Option<usize> {
        if let Some(free) = self.slots().iter().position(|r| r[0] != CREATED) {
            return Some(free);
        }
        if self.len >= MOST_SLOTS {
            return None;
        }
        let old = self.len;
        // SAFETY: remaps this table's own mapping to twice its size (the new half zeroed, so
        // free), moving it if it must; the old pointer is not used after. No user-space lock.
        let at = unsafe {
            libc::mremap(
                self.records.cast(),
                old * RECORD,
                2 * old * RECORD,
                libc::MREMAP_MAYMOVE,
            )
        };
        if at == libc::MAP_FAILED {
            return None;
        }
        self.records = at.cast();
        self.len = 2 * old;
        Some(old)
    }
}

/// The tracker's life: records until end-of-file, then unlink what is left. Async-signal-safe
/// calls and raw system calls only, on its own stack and its own mapping.
fn serve(pipe: libc::c_int) -> ! {
    let Some(mut table) = Table::new() else {
        // SAFETY: `_exit` is async-signal-safe; without a table there is nothing to track.
        unsafe { libc::_exit(1) }
    };
    // SAFETY: every call below is async-signal-safe and takes buffers that live on this stack
    // or in the table for as long as the call: the only code this forked process runs.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_IGN);
        libc::signal(libc::SIGTERM, libc::SIG_IGN);
        libc::prctl(libc::PR_SET_NAME, c"resource_tracker".as_ptr());
        // Only the pipe and stderr (for the warning) stay open: nobody waits on its stdout.
        libc::dup2(pipe, 3);
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_WRONLY);
        libc::dup2(null, 1);
        libc::syscall(libc::SYS_close_range, 4u32, u32::MAX, 0u32);
        let mut record = [0u8; RECORD];
        loop {
            match libc::read(3, record.as_mut_ptr().cast(), RECORD) {
                // Every writer is gone: end of file.
                0 => break,
                n if n == RECORD as isize => {}
                // Not a record (a writer gone wrong): dropped, the next packet is read.
                n if n > 0 => continue,
                _ if *libc::__errno_location() == libc::EINTR => continue,
                _ => break,
            }
            let len = usize::from(record[1]).min(MAX_NAME);
            let same = |slot: &[u8; RECORD]| {
                slot[0] == CREATED && slot[1] == record[1] && slot[2..2 + len] == record[2..2 + len]
            };
            let found = table.slots().iter().position(same);
            match (record[0], found) {
                (CREATED, None) => {
                    if let Some(free) = table.free() {
                        let slot = &mut table.slots()[free];
                        *slot = record;
                        slot[2 + len] = 0;
                    }
                }
                (UNLINKED, Some(slot)) => table.slots()[slot][0] = 0,
                _ => {}
            }
        }
        // Unlink what is left; a slot still taken then marks what this unlinked.
        let mut leaked = 0usize;
        for slot in table.slots().iter_mut().filter(|r| r[0] == CREATED) {
            if libc::shm_unlink(slot[2..].as_ptr().cast()) == 0 {
                leaked += 1;
            } else {
                slot[0] = 0;
            }
        }
        if leaked > 0 {
            // Python's words: "resource_tracker: There appear to be 1 leaked shared_memory
            // objects to clean up at shutdown", then the names, as 3.13 lists them.
            let say = |bytes: &[u8]| libc::write(2, bytes.as_ptr().cast(), bytes.len());
            say(b"resource_tracker: There appear to be ");
            let mut digits = [0u8; 5];
            let mut first = digits.len();
            let mut n = leaked;
            while n > 0 || first == digits.len() {
                first -= 1;
                digits[first] = b'0' + (n % 10) as u8;
                n /= 10;
            }
            say(&digits[first..]);
            say(b" leaked shared_memory objects to clean up at shutdown:");
            for slot in table.slots().iter().filter(|r| r[0] == CREATED) {
                say(b" ");
                say(&slot[2..2 + usize::from(slot[1])]);
            }
            say(b"\n");
        }
        libc::_exit(0)
    }
}
