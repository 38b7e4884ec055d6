//! An allocator that counts the allocations not freed yet, for a check binary to install with
//! `#[global_allocator]` (the learner's crate, where the check binary lives, is compiled with
//! `unsafe` forbidden, and an allocator is an `unsafe impl`): the checker of 33 and 34 sees
//! whether the learner's call left memory behind (`Box::leak` in place of a move or a copy), and
//! the checker of 34 which blocks the main thread made (a result made again by main from the
//! inputs, in place of the one a thread returned).
//!
//! ```
//! let before = check_protocol::alloc::live();
//! let kept = Box::new(1);
//! // Without the allocator installed nothing is counted.
//! assert_eq!(check_protocol::alloc::live(), before);
//! drop(kept);
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

thread_local! {
    /// Whether this is the thread [`this_is_main`] was called on (no destructor, so the allocator
    /// may read it at any time).
    static ON_MAIN: Cell<bool> = const { Cell::new(false) };
}

/// How many of the main thread's live blocks are kept track of (the newest).
const KEPT: usize = 1024;

/// The addresses of blocks the main thread made that are not freed yet; 0 for a free place.
static MADE_ON_MAIN: [AtomicUsize; KEPT] = [const { AtomicUsize::new(0) }; KEPT];

/// Where the next block made on main is kept.
static NEXT: AtomicUsize = AtomicUsize::new(0);

/// From now on, the blocks this thread makes are kept track of as made on main.
pub fn this_is_main() {
    ON_MAIN.with(|on_main| on_main.set(true));
}

/// Whether the block at `ptr` was made (or last grown) by the main thread and is not freed
/// (false where [`Counting`] is not the global allocator).
pub fn made_on_main(ptr: *const u8) -> bool {
    let ptr = ptr as usize;
    MADE_ON_MAIN
        .iter()
        .any(|kept| kept.load(Ordering::SeqCst) == ptr)
}

fn made(ptr: *mut u8) {
    if !ptr.is_null() && ON_MAIN.with(Cell::get) {
        let at = NEXT.fetch_add(1, Ordering::Relaxed) % KEPT;
        MADE_ON_MAIN[at].store(ptr as usize, Ordering::SeqCst);
    }
}

fn freed(ptr: *mut u8) {
    let ptr = ptr as usize;
    for kept in &MADE_ON_MAIN {
        if kept.load(Ordering::Relaxed) == ptr {
            let _ = kept.compare_exchange(ptr, 0, Ordering::SeqCst, Ordering::Relaxed);
        }
    }
}

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
        let ptr = unsafe { System.alloc(layout) };
        made(ptr);
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as for `alloc`.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        made(ptr);
        ptr
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator, that is from `System`, with `layout`; the
        // caller upholds the rest of `realloc`'s contract. One block before, one after.
        let grown = unsafe { System.realloc(ptr, layout, new_size) };
        if !grown.is_null() {
            freed(ptr);
            made(grown);
        }
        grown
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(1, Ordering::Relaxed);
        freed(ptr);
        // SAFETY: `ptr` came from this allocator, that is from `System`, with this `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
}
