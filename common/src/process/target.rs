//! What a child runs: a closure (only a forked child can run one), or a plain function with
//! serialized arguments, which a child of every start method can run.
//!
//! How a function reaches a spawned child, a fresh run of the same program: as a
//! [`Callback`] (`callback.rs`: where its code lies, which is the same in every run of one
//! executable; a spawned child runs this very executable, `/proc/self/exe`, the file the parent
//! runs even if a rebuild has replaced it on disk since). A [`Call`] carries one, to
//! `run::<A, M, F>`, made for the target's very type: the target captures nothing, so its type
//! alone is the function, and `run` receives the arguments and calls it. The pool's functions
//! travel to its workers the same way (`pool/task.rs`).
//!
//! The arguments go on an `ipc-channel` of their own, so that what they hold travels as Python
//! pickles it for a spawned child: a queue's end, a pipe's end, a `Value` go over as their
//! descriptors (`SCM_RIGHTS`), not as copies. A forked child takes them as they are.

use crate::callback::Callback;
use ipc_channel::IpcError;
use ipc_channel::ipc::{OpaqueIpcReceiver, OpaqueIpcSender};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::marker::PhantomData;

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

/// What every `run::<A, M, F>` is: in a child, takes the arguments from the receiver and
/// returns the call to make (or why the arguments did not arrive).
type RunFn = fn(OpaqueIpcReceiver) -> Result<Box<dyn FnOnce()>, IpcError>;

/// A function and its arguments, for a child of any start method. [`Call::new`] is the only way
/// to make one.
pub(crate) struct Call {
    run: Callback<RunFn>,
    bound: Box<dyn Bound>,
}

/// A function with its arguments, their types erased.
trait Bound {
    /// Calls it here (a forked child): nothing is serialized, as Python's `fork` pickles nothing.
    fn call(self: Box<Self>);
    /// Sends the arguments, serialized, descriptors and all (queue ends, pipes, shared memory).
    fn send(self: Box<Self>, to: OpaqueIpcSender) -> Result<(), IpcError>;
    /// The arguments' type, for an error message.
    fn type_name(&self) -> &'static str;
}

struct Args<A, M, F> {
    f: F,
    args: A,
    shape: PhantomData<fn() -> M>,
}

impl<A, M, F> Bound for Args<A, M, F>
where
    A: Serialize + DeserializeOwned + 'static,
    M: 'static,
    F: Entry<A, M>,
{
    fn call(self: Box<Self>) {
        self.f.call(self.args)
    }

    fn send(self: Box<Self>, to: OpaqueIpcSender) -> Result<(), IpcError> {
        to.to::<A>().send(self.args)
    }

    fn type_name(&self) -> &'static str {
        std::any::type_name::<A>()
    }
}

impl Call {
    /// `f` with `args`, and the `run` made for `f`'s very type, which receives an `A` and calls
    /// `f` with it in a child that is not a fork.
    pub(crate) fn new<A, M, F>(f: F, args: A) -> Call
    where
        A: Serialize + DeserializeOwned + 'static,
        M: 'static,
        F: Entry<A, M>,
    {
        const {
            assert!(
                size_of::<F>() == 0,
                "a process target must capture nothing: pass what it needs as its arguments"
            )
        };
        let run: RunFn = run::<A, M, F>;
        Call {
            run: Callback::new(run),
            bound: Box::new(Args {
                f,
                args,
                shape: PhantomData,
            }),
        }
    }

    /// For a forked child: the call itself.
    pub(crate) fn here(self) -> Box<dyn FnOnce()> {
        let bound = self.bound;
        Box::new(move || bound.call())
    }

    /// For a child that is not a fork: what to tell it (which `run`, and the receiving end of a
    /// new channel for the arguments), and the arguments, to send once it exists.
    pub(crate) fn split(self) -> std::io::Result<(Remote, Pending)> {
        let (to, from) = ipc_channel::ipc::channel::<()>()?;
        let remote = Remote {
            run: self.run,
            args: from.to_opaque(),
        };
        let pending = Pending {
            bound: self.bound,
            to: to.to_opaque(),
        };
        Ok((remote, pending))
    }
}

/// What a child that is not a fork is told: the distance of its `run`, and where its arguments
/// will arrive.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Remote {
    run: Callback<RunFn>,
    args: OpaqueIpcReceiver,
}

impl Remote {
    /// In the child: waits for the arguments; the call to make, or `None` when they never
    /// came (the parent could not serialize them, or died).
    pub(crate) fn receive(self) -> Option<Box<dyn FnOnce()>> {
        // A `Remote` reaches a child only from its parent (the launch it receives), which made
        // it in `Call::new` from a `run::<A, M, F>`.
        (self.run.get())(self.args).ok()
    }
}

/// The arguments of a started child that is not a fork, not yet sent.
pub(crate) struct Pending {
    bound: Box<dyn Bound>,
    to: OpaqueIpcSender,
}

impl Pending {
    /// Sends them. An argument whose `Serialize` fails is an error naming its type (Python's
    /// `PicklingError`); the child, which then never gets them, ends with 1 without running
    /// anything. A child that died meanwhile is not an error here: its `join` tells.
    pub(crate) fn send(self) -> Result<(), String> {
        let type_name = self.bound.type_name();
        match self.bound.send(self.to) {
            Err(IpcError::SerializationError(error)) => {
                flush_half_serialized();
                let why = std::error::Error::source(&error)
                    .map_or_else(String::new, |e| format!(" ({e})"));
                Err(format!("{type_name} did not serialize{why}"))
            }
            Ok(()) | Err(_) => Ok(()),
        }
    }
}

/// A serialization that failed half-way leaves the descriptors it had collected in
/// `ipc-channel`'s list for the next message sent from this thread, whose own would then be
/// numbered wrongly. One empty message to a channel dropped at once carries them off.
fn flush_half_serialized() {
    if let Ok((to, _from)) = ipc_channel::ipc::channel::<()>() {
        let _ = to.send(());
    }
}

/// In a child that is not a fork: receives an `A` and returns the call to the `F` that
/// `Call::new` was given.
fn run<A, M, F>(args: OpaqueIpcReceiver) -> Result<Box<dyn FnOnce()>, IpcError>
where
    A: Serialize + DeserializeOwned + 'static,
    M: 'static,
    F: Entry<A, M>,
{
    let args: A = args.to::<A>().recv()?;
    // SAFETY: `F` is zero-sized (checked in `Call::new`, the only place this function's address
    // is taken): a named function or a closure that captures nothing, a value without bytes.
    // One existed in the parent (given to `Call::new`) and `F: Copy`, so making it here is what
    // copying that one would do.
    let f: F = unsafe { std::mem::zeroed() };
    Ok(Box::new(move || f.call(args)))
}

/// What a [`super::Process`] will run.
pub(super) enum Target {
    /// A closure: it can capture anything, and only a fork can take it along.
    Closure(Box<dyn FnOnce()>),
    /// A function and its arguments, for any start method.
    Call(Call),
}
