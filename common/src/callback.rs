//! A function another process can call back: the one place where a code address crosses from
//! one process to another, and the one `transmute` that turns it back into a function.
//!
//! A spawned child, the fork server and the pool's workers all run this very executable (a fork
//! of the program, a fresh run of its `/proc/self/exe`, or a fork of such a run). Address-space
//! randomisation moves the whole program, never one function against another, so a function's
//! distance from a fixed function of this crate ([`anchor`]) is the same in every one of them.
//! A [`Callback<F>`] is such a distance, typed: made from an `F` by [`Callback::new`], and an
//! `F` again, in any of those processes, by [`Callback::get`]. procspawn's idea.
//!
//! Whoever deserializes a `Callback` trusts whoever serialized it: the program's own children
//! and its pool, on channels only they hold (each start method's audit says who can reach them).

use serde::{Deserialize, Serialize};
use std::marker::PhantomData;

mod sealed {
    pub trait Sealed {}
}

/// A function pointer type, the only kind of value a [`Callback`] carries: a value that is
/// nothing but its code's address.
pub(crate) trait FnPointer: Copy + sealed::Sealed {
    /// Where its code is in this process.
    fn address(self) -> usize;
}

macro_rules! fn_pointers {
    ($(($($arg:ident),*)),*) => {$(
        impl<$($arg,)* R> sealed::Sealed for fn($($arg),*) -> R {}
        impl<$($arg,)* R> FnPointer for fn($($arg),*) -> R {
            fn address(self) -> usize {
                self as usize
            }
        }
    )*};
}
fn_pointers!((), (A), (A, B), (A, B, C));

/// The fixed point the distances are measured from.
#[inline(never)]
fn anchor() {}

fn anchor_address() -> usize {
    anchor as fn() as usize
}

/// A function of type `F` that a process running this executable can call: its distance from
/// [`anchor`].
#[derive(Debug, Serialize, Deserialize)]
#[serde(bound = "")]
pub(crate) struct Callback<F> {
    distance: isize,
    #[serde(skip)]
    function: PhantomData<F>,
}

impl<F> Clone for Callback<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F> Copy for Callback<F> {}

impl<F: FnPointer> Callback<F> {
    pub(crate) fn new(f: F) -> Self {
        Callback {
            distance: f.address().wrapping_sub(anchor_address()) as isize,
            function: PhantomData,
        }
    }

    /// The function, in this process.
    pub(crate) fn get(self) -> F {
        const { assert!(size_of::<F>() == size_of::<usize>()) };
        let address = anchor_address().wrapping_add(self.distance as usize);
        // SAFETY: `F` is a function pointer type (`FnPointer` is sealed), the size of a `usize`
        // (checked above), so its bytes are its address. This distance was measured by `new` from
        // an `F` of this same executable (or re-typed by `Erased::assume`, whose caller vouches
        // for `F`), in this process or another run of the same file (see the module's header):
        // the same distance from `anchor` is that same function here.
        unsafe { std::mem::transmute_copy::<usize, F>(&address) }
    }

    /// The same distance, its type forgotten, for a caller that pairs it with the code that
    /// knows its type (the pool's `apply::<T, R, F>`).
    pub(crate) fn erase(self) -> Erased {
        Erased {
            distance: self.distance,
        }
    }
}

/// A [`Callback`] whose function type is known only to the code it is paired with.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(crate) struct Erased {
    distance: isize,
}

impl Erased {
    /// The callback again, as a `Callback<F>`.
    ///
    /// # Safety
    /// It must have been erased from a `Callback<F>` of this very `F`.
    pub(crate) unsafe fn assume<F: FnPointer>(self) -> Callback<F> {
        Callback {
            distance: self.distance,
            function: PhantomData,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn double(x: u32) -> u32 {
        x * 2
    }

    #[test]
    fn a_callback_is_its_function_again() {
        let back = Callback::new(double as fn(u32) -> u32);
        let travelled: Callback<fn(u32) -> u32> =
            postcard::from_bytes(&postcard::to_stdvec(&back).unwrap()).unwrap();
        assert_eq!(travelled.get()(21), 42);
    }
}
