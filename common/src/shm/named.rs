//! Python's `multiprocessing.shared_memory.SharedMemory`: a block of memory with a name, which
//! any process (a child, or a program that was never related) attaches to by that name.
//!
//! POSIX shared memory: `shm_open` makes a file in `/dev/shm`, `mmap(MAP_SHARED)` maps it. The
//! name outlives every process until someone unlinks it, which is the point (an unrelated process
//! can come later) and the danger (a program that never unlinks leaves it in `/dev/shm`): as in
//! Python, a tracker process (`tracker.rs`) unlinks what the program left and says so.

use super::tracker;
use nix::libc;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::ffi::CString;
use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::io;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};

/// A named block of shared memory: Python's `SharedMemory`. Dropping it is `close()`: this
/// process's mapping goes, the block stays for the others until [`SharedMemory::unlink`].
pub struct SharedMemory {
    name: String,
    base: NonNull<AtomicU8>,
    size: usize,
}

// SAFETY: the mapping is reached only through `base`, by atomic operations, and stays mapped as
// long as the value lives, wherever it is moved or shared.
unsafe impl Send for SharedMemory {}
// SAFETY: as for `Send`: every access through `&SharedMemory` is atomic.
unsafe impl Sync for SharedMemory {}

impl fmt::Debug for SharedMemory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedMemory")
            .field("name", &self.name)
            .field("size", &self.size)
            .finish()
    }
}

/// Python's names: `psm_` and eight random hex digits, from the kernel (`getrandom`), as
/// Python's `secrets.token_hex`: std's `RandomState` keys are per thread and a forked child
/// inherits them, so parent and child made the same names one after the other (seen: a
/// program's block after its child's thousand was "File exists").
fn random_name() -> String {
    let mut random = [0u8; 4];
    // SAFETY: `getrandom` writes at most `random.len()` bytes to the buffer it is given, which
    // is that long and lives across the call.
    let got = unsafe { libc::getrandom(random.as_mut_ptr().cast(), random.len(), 0) };
    let random = if got == random.len() as isize {
        u32::from_ne_bytes(random)
    } else {
        // No getrandom (a very old kernel): the hasher's keys, with this process's PID.
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u32(std::process::id());
        hasher.finish() as u32
    };
    format!("psm_{random:08x}")
}

/// The name as `shm_open` takes it: one leading `/`, nothing else.
fn os_name(name: &str) -> io::Result<CString> {
    let bare = name.strip_prefix('/').unwrap_or(name);
    if bare.is_empty() || bare.contains('/') || bare.len() + 1 > tracker::MAX_NAME {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{name:?} is not a shared memory name (letters, digits, '_', at most 250)"),
        ));
    }
    CString::new(format!("/{bare}")).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{name:?} contains a NUL byte"),
        )
    })
}

impl SharedMemory {
    /// A new block of `size` bytes, zero-filled, with a new random name: Python's
    /// `SharedMemory(create=True, size=size)`.
    ///
    /// ```
    /// let block = common::shm::SharedMemory::create(16).unwrap();
    /// block.write(0, b"hello");
    /// let again = common::shm::SharedMemory::attach(block.name()).unwrap();
    /// assert_eq!(again.read(0, 5), b"hello");
    /// block.unlink().unwrap();
    /// ```
    pub fn create(size: usize) -> io::Result<Self> {
        // Python draws another name when one is taken (`FileExistsError`); so does this.
        let mut tries = 0;
        loop {
            match Self::create_named(&random_name(), size) {
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries < 100 => tries += 1,
                made => return made,
            }
        }
    }

    /// A new block named `name`: Python's `SharedMemory(name, create=True, size=size)`. An
    /// existing name is an error (`AlreadyExists`, Python's `FileExistsError`).
    pub fn create_named(name: &str, size: usize) -> io::Result<Self> {
        if size == 0 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "'size' must be a positive number different from zero",
            ));
        }
        let os = os_name(name)?;
        let flags = libc::O_CREAT | libc::O_EXCL | libc::O_RDWR;
        // SAFETY: `os` is a NUL-terminated string that outlives the call.
        let fd = unsafe { libc::shm_open(os.as_ptr(), flags, 0o600) };
        if fd == -1 {
            return Err(named_error(name));
        }
        tracker::created(os.to_str().unwrap_or_default());
        // SAFETY: `fd` was just opened by us; `ftruncate` only sizes the file.
        if unsafe { libc::ftruncate(fd, size as libc::off_t) } == -1 {
            let error = io::Error::last_os_error();
            // SAFETY: closing and unlinking what we just made, with the same name.
            unsafe {
                libc::close(fd);
                libc::shm_unlink(os.as_ptr());
            }
            tracker::unlinked(os.to_str().unwrap_or_default());
            return Err(error);
        }
        Self::map(name, fd, size).inspect_err(|_| {
            // SAFETY: unlinking the name just made, given as a NUL-terminated string.
            unsafe { libc::shm_unlink(os.as_ptr()) };
            tracker::unlinked(os.to_str().unwrap_or_default());
        })
    }

    /// The block named `name`, made by this or another process: Python's `SharedMemory(name)`.
    /// A name that does not exist is an error naming it (`NotFound`, Python's
    /// `FileNotFoundError`).
    pub fn attach(name: &str) -> io::Result<Self> {
        let os = os_name(name)?;
        // SAFETY: `os` is a NUL-terminated string that outlives the call.
        let fd = unsafe { libc::shm_open(os.as_ptr(), libc::O_RDWR, 0) };
        if fd == -1 {
            return Err(named_error(name));
        }
        let mut stat = std::mem::MaybeUninit::<libc::stat>::uninit();
        // SAFETY: `fd` is open; `fstat` fills the buffer, read only when it succeeds.
        let size = if unsafe { libc::fstat(fd, stat.as_mut_ptr()) } == 0 {
            // SAFETY: `fstat` returned 0, so it wrote the whole struct.
            unsafe { stat.assume_init() }.st_size as usize
        } else {
            0
        };
        Self::map(name, fd, size)
    }

    /// Maps `size` bytes of the open block `fd`, and closes `fd` (the mapping keeps the memory).
    fn map(name: &str, fd: libc::c_int, size: usize) -> io::Result<Self> {
        // SAFETY: a new shared mapping of a file we hold open, at an address the kernel chooses;
        // `fd` is closed right after, which leaves the mapping in place.
        let address = unsafe {
            let address = libc::mmap(
                std::ptr::null_mut(),
                size.max(1),
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED,
                fd,
                0,
            );
            libc::close(fd);
            address
        };
        if address == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        let base = NonNull::new(address.cast::<AtomicU8>()).ok_or_else(io::Error::last_os_error)?;
        let name = name.strip_prefix('/').unwrap_or(name).to_owned();
        Ok(SharedMemory { name, base, size })
    }

    /// Its name, to hand to another process: Python's `shm.name`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its size in bytes: Python's `shm.size`.
    pub fn size(&self) -> usize {
        self.size
    }

    /// The bytes, each an atomic (other processes may write at any time): Python's `shm.buf`.
    pub fn buf(&self) -> &[AtomicU8] {
        // SAFETY: the mapping is `size` bytes long and lives as long as `self`; an `AtomicU8` has
        // the size and alignment of a byte, and any byte is a valid value.
        unsafe { std::slice::from_raw_parts(self.base.as_ptr(), self.size) }
    }

    /// A copy of `len` bytes from `offset`: Python's `bytes(shm.buf[offset:offset + len])`.
    /// Clipped at the end of the block, as a Python slice is.
    pub fn read(&self, offset: usize, len: usize) -> Vec<u8> {
        let end = offset.saturating_add(len).min(self.size);
        let start = offset.min(end);
        let mut out = vec![0u8; end - start];
        let mut at = start;
        let mut into = out.as_mut_slice();
        while !into.is_empty() {
            match self.words(at, end) {
                // The aligned middle, a word per load into the copy's next eight bytes.
                Some(words) => {
                    let (body, rest) = into.split_at_mut(words.len() * 8);
                    for (eight, word) in body.chunks_exact_mut(8).zip(words) {
                        eight.copy_from_slice(&word.load(Ordering::Relaxed).to_ne_bytes());
                    }
                    at += body.len();
                    into = rest;
                }
                None => {
                    into[0] = self.buf()[at].load(Ordering::Relaxed);
                    at += 1;
                    into = &mut into[1..];
                }
            }
        }
        out
    }

    /// Writes `bytes` at `offset`: Python's `shm.buf[offset:offset + len(bytes)] = bytes`.
    /// Panics if they do not fit, as Python raises `ValueError`.
    pub fn write(&self, offset: usize, bytes: &[u8]) {
        let end = offset
            .checked_add(bytes.len())
            .filter(|&end| end <= self.size);
        let Some(end) = end else {
            panic!(
                "{} bytes at {offset} do not fit in a block of {}",
                bytes.len(),
                self.size
            );
        };
        let mut at = offset;
        while at < end {
            let from = &bytes[at - offset..];
            match self.word(at, end) {
                Some(word) => {
                    let eight = <[u8; 8]>::try_from(&from[..8]).unwrap_or_default();
                    word.store(u64::from_ne_bytes(eight), Ordering::Relaxed);
                    at += 8;
                }
                None => {
                    self.buf()[at].store(from[0], Ordering::Relaxed);
                    at += 1;
                }
            }
        }
    }

    /// The whole 8-byte words from `at` up to `end`, if `at` is 8-aligned and one fits: a copy
    /// out goes a word at a time where it can (an atomic per byte would be eight times the loads).
    fn words(&self, at: usize, end: usize) -> Option<&[AtomicU64]> {
        let count = end.saturating_sub(at) / 8;
        if !at.is_multiple_of(8) || count == 0 {
            return None;
        }
        // SAFETY: the mapping starts page-aligned, so `base + at` is 8-aligned; `at + 8 * count
        // <= end <= size` keeps the words inside the mapping, which lives as long as `self`;
        // every access to these bytes is atomic, and any bits are a valid `u64`.
        Some(unsafe {
            std::slice::from_raw_parts(self.base.as_ptr().add(at).cast::<AtomicU64>(), count)
        })
    }

    /// The 8-byte word at `at`, if `at` is 8-aligned and the word ends by `end`.
    fn word(&self, at: usize, end: usize) -> Option<&AtomicU64> {
        self.words(at, end).map(|words| &words[0])
    }

    /// Removes the name: Python's `shm.unlink()`. Processes that have the block mapped keep it
    /// until they close it; no one can attach any more. Once is enough, by any one process.
    pub fn unlink(&self) -> io::Result<()> {
        let os = os_name(&self.name)?;
        // SAFETY: `os` is a NUL-terminated string that outlives the call.
        if unsafe { libc::shm_unlink(os.as_ptr()) } == -1 {
            return Err(named_error(&self.name));
        }
        tracker::unlinked(os.to_str().unwrap_or_default());
        Ok(())
    }

    /// Another handle to the same block, attached by its name (as a child given it does).
    pub fn clone_by_name(&self) -> io::Result<Self> {
        Self::attach(&self.name)
    }

    /// Unmaps it from this process: Python's `shm.close()`. Dropping it does the same.
    pub fn close(self) {}
}

impl Drop for SharedMemory {
    fn drop(&mut self) {
        // SAFETY: `base` and `size` are the mapping made in `map`, unmapped only here, once.
        unsafe { libc::munmap(self.base.as_ptr().cast(), self.size.max(1)) };
    }
}

/// The last OS error, with the block's name, as Python's `FileNotFoundError: ... '/psm_..'`.
fn named_error(name: &str) -> io::Error {
    let error = io::Error::last_os_error();
    io::Error::new(error.kind(), format!("{error}: shared memory {name:?}"))
}

/// Sent by name, as Python pickles it: the receiver attaches.
impl Serialize for SharedMemory {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name)
    }
}

impl<'de> Deserialize<'de> for SharedMemory {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        SharedMemory::attach(&name).map_err(serde::de::Error::custom)
    }
}
