//! The memory under `Value`, `Array` and `Lock`: a region of `ipc-channel` holding atomics.

use super::Shared;
use ipc_channel::ipc::IpcSharedMemory;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ptr::NonNull;

/// A shared-memory region of `len` atomics.
pub(super) struct Segment<T: Shared> {
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
    pub(super) fn new(values: &[T]) -> Self {
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

    /// How many atomics it holds.
    pub(super) fn len(&self) -> usize {
        self.len
    }

    pub(super) fn atomic(&self, index: usize) -> &T::Atomic {
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
