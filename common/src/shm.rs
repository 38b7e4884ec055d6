//! Python's `Value` and `Array`: numbers in shared memory that several processes read and write.
//!
//! Each is an `ipc-channel` shared-memory region (an anonymous `memfd_create` file mapped with
//! `mmap(MAP_SHARED)`) holding atomics: two processes touch the same bytes, so every access is an
//! atomic load or store (Python guards its `Value` with a lock instead).
//!
//! The file has no name, so nothing is ever left in `/dev/shm`, even if the program is killed.
//! A child made by `fork` inherits the mapping itself; a child of another start method receives
//! the descriptor with its arguments and maps the same file (Python passes its heap's descriptor
//! to a spawned child the same way). The memory lives until the last process unmaps it.
//!
//! ```
//! use common::shm::{Array, Value};
//! let num = Value::new(0.0_f64).unwrap();
//! let arr = Array::new(0..10_i32).unwrap();
//! num.set(2.0);
//! arr.set(3, -arr.get(3));
//! assert_eq!(num.get(), 2.0);
//! assert_eq!(arr.to_vec()[..4], [0, 1, 2, -3]);
//! ```

use ipc_channel::ipc::IpcSharedMemory;
use nix::libc;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicI32, AtomicU64, Ordering};

/// A number type that can live in shared memory, through an atomic of the same size.
pub trait Shared: Copy + sealed::Sealed {
    /// The atomic that holds it.
    type Atomic;
    /// Reads it.
    fn load(atomic: &Self::Atomic) -> Self;
    /// Writes it.
    fn store(atomic: &Self::Atomic, value: Self);
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for f64 {}
    impl Sealed for i32 {}
}

/// Python's `'d'`: a C double, kept as its bits in an `AtomicU64`.
impl Shared for f64 {
    type Atomic = AtomicU64;
    fn load(atomic: &AtomicU64) -> f64 {
        f64::from_bits(atomic.load(Ordering::SeqCst))
    }
    fn store(atomic: &AtomicU64, value: f64) {
        atomic.store(value.to_bits(), Ordering::SeqCst);
    }
}

/// Python's `'i'`: a C int.
impl Shared for i32 {
    type Atomic = AtomicI32;
    fn load(atomic: &AtomicI32) -> i32 {
        atomic.load(Ordering::SeqCst)
    }
    fn store(atomic: &AtomicI32, value: i32) {
        atomic.store(value, Ordering::SeqCst);
    }
}

/// A shared-memory region of `len` atomics.
struct Segment<T: Shared> {
    /// Owns the mapping (unmapped when it drops); never read as bytes, only through `base`.
    memory: IpcSharedMemory,
    base: NonNull<T::Atomic>,
    len: usize,
}

// SAFETY: the mapping is reached only through `base`, and only by atomic operations, which are
// the one sound way for several threads (or processes) to touch the same memory at once; it
// stays mapped as long as `memory` lives, wherever the segment is moved.
unsafe impl<T: Shared> Send for Segment<T> {}
// SAFETY: as for `Send`: every access through `&Segment` is atomic.
unsafe impl<T: Shared> Sync for Segment<T> {}

impl<T: Shared> fmt::Debug for Segment<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Segment").field("len", &self.len).finish()
    }
}

impl<T: Shared> Segment<T> {
    fn new(values: &[T]) -> Self {
        let bytes = (values.len() * size_of::<T::Atomic>()).max(1);
        let segment = Self::mapped(IpcSharedMemory::from_byte(0, bytes));
        for (index, &value) in values.iter().enumerate() {
            T::store(segment.atomic(index), value);
        }
        segment
    }

    /// A segment over `memory`, a region made by [`Segment::new`] here or in another process.
    fn mapped(mut memory: IpcSharedMemory) -> Self {
        // SAFETY: the slice is used only to learn where the mapping lies and how long it is;
        // it is dropped at once, and the bytes are then touched only atomically through `base`
        // (no `&[u8]` to them is ever made again, here or in `ipc-channel`, which maps its own
        // view when it sends the region).
        let bytes = unsafe { memory.deref_mut() };
        let len = bytes.len() / size_of::<T::Atomic>();
        let base =
            NonNull::new(bytes.as_mut_ptr().cast::<T::Atomic>()).unwrap_or(NonNull::dangling());
        Segment { memory, base, len }
    }

    fn atomic(&self, index: usize) -> &T::Atomic {
        assert!(
            index < self.len,
            "index {index} out of range for length {}",
            self.len
        );
        // SAFETY: the mapping is page-aligned and at least `len * size_of::<T::Atomic>()` bytes,
        // so slot `index < len` is in bounds and aligned. A new mapping is zero-filled, and zero
        // bytes are a valid value of every atomic integer. The mapping lives as long as `self`
        // (unmapped when `memory` drops), and atomics are the one sound way for several threads
        // or processes to touch the same memory at once.
        unsafe { self.base.add(index).as_ref() }
    }
}

/// Another mapping of the same memory.
impl<T: Shared> Clone for Segment<T> {
    fn clone(&self) -> Self {
        Self::mapped(self.memory.clone())
    }
}

/// Sent as its region: the receiver maps the same memory.
impl<T: Shared> Serialize for Segment<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.memory.serialize(serializer)
    }
}

impl<'de, T: Shared> Deserialize<'de> for Segment<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        IpcSharedMemory::deserialize(deserializer).map(Self::mapped)
    }
}

/// One shared number: Python's `multiprocessing.Value`, with its lock. Hand it to a child as an
/// argument of [`crate::process::Process::target`]: it arrives as the same memory. A clone is
/// another handle to the same number, as Python passes the one `Value` object to every child.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(bound = "")]
pub struct Value<T: Shared> {
    segment: Segment<T>,
    lock: Lock,
}

impl<T: Shared> Value<T> {
    /// A new shared value: Python's `Value('d', 0.0)` is `Value::new(0.0)`.
    pub fn new(value: T) -> std::io::Result<Self> {
        Ok(Value {
            segment: Segment::new(&[value]),
            lock: Lock::new()?,
        })
    }

    /// The value's lock, shared by every process as the value is: Python's `v.get_lock()`.
    /// `get` and `set` are each one atomic step; a read-then-write (`v.value += 1`) is two, and
    /// holding the lock across both is what keeps another process from writing in between.
    ///
    /// ```
    /// let v = common::shm::Value::new(0).unwrap();
    /// let guard = v.get_lock().acquire();
    /// v.set(v.get() + 1);
    /// drop(guard);
    /// assert_eq!(v.get(), 1);
    /// ```
    pub fn get_lock(&self) -> &Lock {
        &self.lock
    }

    /// Python's `v.value`.
    pub fn get(&self) -> T {
        crate::perturb::shared_access();
        T::load(self.segment.atomic(0))
    }

    /// Python's `v.value = x`.
    pub fn set(&self, value: T) {
        crate::perturb::shared_access();
        T::store(self.segment.atomic(0), value);
    }
}

impl Value<i32> {
    /// Adds `delta` in one atomic step and returns the old value: a shared counter that several
    /// processes can bump at once without a lock (Python needs `with v.get_lock(): v.value += 1`).
    ///
    /// ```
    /// let counter = common::shm::Value::new(0).unwrap();
    /// counter.fetch_add(2);
    /// assert_eq!(counter.get(), 2);
    /// ```
    pub fn fetch_add(&self, delta: i32) -> i32 {
        self.segment.atomic(0).fetch_add(delta, Ordering::SeqCst)
    }
}

/// A lock that works across processes: Python's `multiprocessing.Lock`, as `Value`'s `get_lock()`
/// uses it. One atomic in its own shared segment, and a futex to sleep on while another process
/// holds it (the same mechanism glibc's process-shared mutexes use). A process that dies holding
/// it leaves it held, as with Python's. It travels to a child as [`Value`] does (the futex works
/// across processes because it is keyed by the shared file, not by an address). A clone is the
/// same lock.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Lock {
    /// 0: free; 1: held; 2: held, and someone may be sleeping on it.
    state: Segment<i32>,
}

/// A held [`Lock`]; dropping it releases the lock (the end of Python's `with lock:`).
#[derive(Debug)]
pub struct LockGuard<'a> {
    lock: &'a Lock,
}

impl Lock {
    /// A new, free lock in shared memory.
    pub fn new() -> std::io::Result<Self> {
        Ok(Lock {
            state: Segment::new(&[0]),
        })
    }

    /// Takes the lock if it is free, without waiting: Python's `acquire(block=False)`.
    ///
    /// ```
    /// let lock = common::shm::Lock::new().unwrap();
    /// let held = lock.try_acquire().expect("free");
    /// assert!(lock.try_acquire().is_none());
    /// drop(held);
    /// ```
    pub fn try_acquire(&self) -> Option<LockGuard<'_>> {
        self.state
            .atomic(0)
            .compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
            .ok()
            .map(|_| LockGuard { lock: self })
    }

    /// Waits until the lock is free and takes it: Python's `acquire()` or `with lock:`.
    ///
    /// ```
    /// let lock = common::shm::Lock::new().unwrap();
    /// let guard = lock.acquire();
    /// drop(guard);
    /// let _again = lock.acquire();
    /// ```
    pub fn acquire(&self) -> LockGuard<'_> {
        let state = self.state.atomic(0);
        if state
            .compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed)
            .is_err()
        {
            // Mark it contended, and sleep until the holder wakes us, as long as it stays held.
            while state.swap(2, Ordering::Acquire) != 0 {
                futex(state, libc::FUTEX_WAIT, 2);
            }
        }
        LockGuard { lock: self }
    }
}

impl Drop for LockGuard<'_> {
    fn drop(&mut self) {
        let state = self.lock.state.atomic(0);
        if state.swap(0, Ordering::Release) == 2 {
            futex(state, libc::FUTEX_WAKE, 1);
        }
    }
}

/// `futex(2)` on a shared (not process-private) word: `FUTEX_WAIT` sleeps while it holds `value`;
/// `FUTEX_WAKE` wakes up to `value` sleepers. Errors (`EAGAIN`: it changed; `EINTR`) mean "look
/// again", which the callers do.
fn futex(word: &AtomicI32, op: libc::c_int, value: i32) {
    // SAFETY: `word` is a live, aligned 32-bit atomic in a shared mapping, as the futex call
    // needs; a null timeout waits without limit, and the unused arguments are ignored for these
    // two operations.
    unsafe {
        libc::syscall(
            libc::SYS_futex,
            word.as_ptr(),
            op,
            value,
            std::ptr::null::<libc::timespec>(),
            std::ptr::null::<u32>(),
            0,
        );
    }
}

/// A fixed-length shared array: Python's `multiprocessing.Array`. It travels to a child as
/// [`Value`] does; a clone is the same array.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(bound = "")]
pub struct Array<T: Shared> {
    segment: Segment<T>,
}

impl<T: Shared> Array<T> {
    /// A new shared array: Python's `Array('i', range(10))` is `Array::new(0..10)`.
    pub fn new(values: impl IntoIterator<Item = T>) -> std::io::Result<Self> {
        let values: Vec<T> = values.into_iter().collect();
        Ok(Array {
            segment: Segment::new(&values),
        })
    }

    /// Python's `len(a)`.
    pub fn len(&self) -> usize {
        self.segment.len
    }

    /// Whether it has no items.
    pub fn is_empty(&self) -> bool {
        self.segment.len == 0
    }

    /// Python's `a[i]`. Panics when `index` is out of range, as Python raises `IndexError`.
    pub fn get(&self, index: usize) -> T {
        crate::perturb::shared_access();
        T::load(self.segment.atomic(index))
    }

    /// Python's `a[i] = x`.
    pub fn set(&self, index: usize, value: T) {
        crate::perturb::shared_access();
        T::store(self.segment.atomic(index), value);
    }

    /// Python's `a[:]`: a copy of every item.
    pub fn to_vec(&self) -> Vec<T> {
        (0..self.len()).map(|index| self.get(index)).collect()
    }
}
