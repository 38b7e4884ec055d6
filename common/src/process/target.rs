//! What a child runs: a closure (only a forked child can run one), or a plain function with
//! serialized arguments, which a child of every start method can run.
//!
//! How a function reaches a spawned child, a fresh run of the same program: by where its code
//! lies relative to a fixed function of this crate (`anchor`). Address-space randomisation moves
//! the whole program, never one function against another, so the distance is the same in every
//! run of one executable, and a spawned child runs this very executable (`/proc/self/exe`, the
//! file the parent runs even if a rebuild has replaced it on disk since). A [`Call`] carries one
//! such distance, to `run::<A, M, F>`, made for the target's very type: the target captures
//! nothing, so its type alone is the function, and `run` decodes the arguments and calls it.
//! procspawn's idea; the pool's (`pool/task.rs`) needs no anchor because its workers are forks.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A function a process can run, with its arguments as one value: a function of no argument
/// takes `()`, of one takes `A`, of two `(A, B)`, of three `(A, B, C)`; `M` only tells the
/// shapes apart. A named function or a closure that captures nothing: a value that is nothing
/// but its code, which a fresh run of the program has too (Python's rule that a target must be
/// picklable by name; a closure that captures is refused when the program is compiled).
pub trait Entry<A, M>: Copy + 'static {
    /// Calls the function.
    fn call(self, args: A);
}

impl<F: Fn() + Copy + 'static> Entry<(), fn()> for F {
    fn call(self, (): ()) {
        self()
    }
}

impl<F: Fn(A) + Copy + 'static, A> Entry<A, fn(A)> for F {
    fn call(self, args: A) {
        self(args)
    }
}

impl<F: Fn(A, B) + Copy + 'static, A, B> Entry<(A, B), fn(A, B)> for F {
    fn call(self, (a, b): (A, B)) {
        self(a, b)
    }
}

impl<F: Fn(A, B, C) + Copy + 'static, A, B, C> Entry<(A, B, C), fn(A, B, C)> for F {
    fn call(self, (a, b, c): (A, B, C)) {
        self(a, b, c)
    }
}

/// The fixed point the distances are measured from.
#[inline(never)]
fn anchor() {}

fn distance(address: usize) -> isize {
    (address as isize).wrapping_sub(anchor as fn() as usize as isize)
}

fn address(distance: isize) -> usize {
    (anchor as fn() as usize as isize).wrapping_add(distance) as usize
}

/// The signature of every `run::<A, M, F>`.
type RunFn = fn(&[u8]);

/// A function and its encoded arguments, ready to run in a child of any start method.
/// [`Call::new`] is the only way to make one.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Call {
    run: isize,
    args: Vec<u8>,
}

impl Call {
    /// `f` with `args`: the `run` made for `f`'s very type, which decodes `A` and calls it. An
    /// argument whose `Serialize` fails is an error naming why (Python's `PicklingError`).
    pub(crate) fn new<A, M, F>(_f: F, args: &A) -> Result<Call, String>
    where
        A: Serialize + DeserializeOwned,
        F: Entry<A, M>,
    {
        const {
            assert!(
                size_of::<F>() == 0,
                "a process target must capture nothing: pass what it needs as its arguments"
            )
        };
        let run: RunFn = run::<A, M, F>;
        Ok(Call {
            run: distance(run as usize),
            args: postcard::to_stdvec(args).map_err(|error| {
                format!("{} did not serialize ({error})", std::any::type_name::<A>())
            })?,
        })
    }

    /// In the child: calls the function on the decoded arguments.
    pub(crate) fn run(self) {
        // SAFETY: `Call::new` measured `self.run` from a `run::<A, M, F>`, of type `RunFn`, in
        // this same executable (a fork of the parent, or a run of its `/proc/self/exe`), and a
        // `Call` reaches a child only from its parent (a fork's memory, or the spawn pipe): the
        // same distance from `anchor` is the same code here (see the header).
        let run = unsafe { std::mem::transmute::<usize, RunFn>(address(self.run)) };
        run(&self.args);
    }
}

/// Decodes an `A` and calls the `F` that `Call::new` was given.
fn run<A: DeserializeOwned, M, F: Entry<A, M>>(args: &[u8]) {
    // SAFETY: `F` is zero-sized (checked in `Call::new`, the only place this function's address
    // is taken): a named function or a closure that captures nothing, a value without bytes.
    // One existed in the parent (given to `Call::new`) and `F: Copy`, so making it here is what
    // copying that one would do.
    let f: F = unsafe { std::mem::zeroed() };
    let args: A = postcard::from_bytes(args).expect("arguments that Call::new encoded");
    f.call(args);
}

/// What a [`super::Process`] will run.
pub(super) enum Target {
    /// A closure: it can capture anything, and only a fork can take it along.
    Closure(Box<dyn FnOnce()>),
    /// A function and its arguments, for any start method; or why the arguments did not encode.
    Call(Result<Call, String>),
}
