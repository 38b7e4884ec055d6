//! An allocator that counts the allocations not freed yet, for a check binary to install with
//! `#[global_allocator]` (the learner's crate, where the check binary lives, is compiled with
//! `unsafe` forbidden, and an allocator is an `unsafe impl`): the checker of 33 and 34 sees
//! whether the learner's call left memory behind (`Box::leak` in place of a move or a copy).
//!
//! ```
//! let before = check_protocol::alloc::live();
//! let kept = Box::new(1);
//! // Without the allocator installed nothing is counted.
//! assert_eq!(check_protocol::alloc::live(), before);
//! drop(kept);
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicI64, Ordering};

/// The allocations made through [`Counting`] and not freed yet.
static LIVE: AtomicI64 = AtomicI64::new(0);

/// The system allocator, counting what it hands out and takes back.
#[derive(Debug)]
pub struct Counting;

/// How many allocations made through [`Counting`] are not freed yet (0 where it is not the
/// global allocator).
pub fn live() -> i64 {
    LIVE.load(Ordering::SeqCst)
}

// SAFETY: every call goes to `System` with the caller's own arguments, so `System`'s guarantees
// are this allocator's; the count is a side note that changes no pointer and no layout.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller upholds `alloc`'s contract (a layout of non-zero size), passed on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator, that is from `System`, with `layout`; the
        // caller upholds the rest of `realloc`'s contract. One block before, one after.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(1, Ordering::Relaxed);
        // SAFETY: `ptr` came from this allocator, that is from `System`, with this `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
}
