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

mod list;
mod lock;
mod manager;
mod named;
mod segment;
mod tracker;

pub use list::{Item, ShareableList};
pub use lock::{Lock, LockGuard};
pub use manager::SharedMemoryManager;
pub use named::SharedMemory;
#[doc(hidden)]
pub use tracker::write_raw as write_raw_to_the_tracker;

use segment::Segment;
use serde::{Deserialize, Serialize};
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
        crate::perturb::shared_write();
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
        crate::perturb::shared_access();
        self.segment.atomic(0).fetch_add(delta, Ordering::SeqCst)
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
        self.segment.len()
    }

    /// Whether it has no items.
    pub fn is_empty(&self) -> bool {
        self.segment.len() == 0
    }

    /// Python's `a[i]`. Panics when `index` is out of range, as Python raises `IndexError`.
    pub fn get(&self, index: usize) -> T {
        crate::perturb::shared_access();
        T::load(self.segment.atomic(index))
    }

    /// Python's `a[i] = x`.
    pub fn set(&self, index: usize, value: T) {
        crate::perturb::shared_access();
        crate::perturb::shared_write();
        T::store(self.segment.atomic(index), value);
    }

    /// Python's `a[:]`: a copy of every item.
    pub fn to_vec(&self) -> Vec<T> {
        (0..self.len()).map(|index| self.get(index)).collect()
    }
}
