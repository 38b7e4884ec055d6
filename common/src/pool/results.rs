//! What a call hands back: an [`AsyncResult`] (Python's, for `map_async` and `apply_async`),
//! or an [`IMap`] iterator (for `imap` and `imap_unordered`). Both move the pool's work on as
//! they are asked for their results.

use super::coordinator::Coordinator;
use super::error::PoolError;
use serde::Deserialize;
use serde::de::{DeserializeOwned, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use std::cell::RefCell;
use std::marker::PhantomData;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// Every chunk's results, decoded in order into one vector (each chunk straight into it: no
/// vector per chunk to copy from).
pub(super) fn decode_all<R: DeserializeOwned>(chunks: Vec<&[u8]>) -> Result<Vec<R>, PoolError> {
    let mut all = Vec::new();
    for chunk in chunks {
        let mut decoder = postcard::Deserializer::from_bytes(chunk);
        AppendTo(&mut all)
            .deserialize(&mut decoder)
            .map_err(PoolError::Format)?;
    }
    Ok(all)
}

/// Decodes a sequence by pushing its items onto the vector it holds.
struct AppendTo<'a, R>(&'a mut Vec<R>);

impl<'de, R: Deserialize<'de>> DeserializeSeed<'de> for AppendTo<'_, R> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, decoder: D) -> Result<(), D::Error> {
        decoder.deserialize_seq(self)
    }
}

impl<'de, R: Deserialize<'de>> Visitor<'de> for AppendTo<'_, R> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a sequence of results")
    }

    fn visit_seq<S: SeqAccess<'de>>(self, mut items: S) -> Result<(), S::Error> {
        // A length read from the bytes is a worker's word, not a promise: at most 1 MiB is
        // reserved on it (serde's own rule for a `Vec`); past that the vector grows as items come.
        let most = (1 << 20) / std::mem::size_of::<R>().max(1);
        self.0.reserve(items.size_hint().unwrap_or(0).min(most));
        while let Some(item) = items.next_element()? {
            self.0.push(item);
        }
        Ok(())
    }
}

pub(super) fn decode_one<R: DeserializeOwned>(chunks: Vec<&[u8]>) -> Result<R, PoolError> {
    decode_all::<R>(chunks)?
        .pop()
        .ok_or(PoolError::Format(postcard::Error::DeserializeUnexpectedEnd))
}

/// A result to come: Python's `AsyncResult`. Asking for it (`get`, `ready`, `wait`) is also what
/// moves the pool's work on.
#[derive(Debug)]
pub struct AsyncResult<O> {
    pool: Rc<RefCell<Coordinator>>,
    job: u64,
    /// Makes the result of the chunks' encoded results.
    decode: fn(Vec<&[u8]>) -> Result<O, PoolError>,
    _output: PhantomData<O>,
}

impl<O> AsyncResult<O> {
    pub(super) fn new(
        pool: &Rc<RefCell<Coordinator>>,
        job: u64,
        decode: fn(Vec<&[u8]>) -> Result<O, PoolError>,
    ) -> Self {
        AsyncResult {
            pool: Rc::clone(pool),
            job,
            decode,
            _output: PhantomData,
        }
    }

    fn wait_until(&self, deadline: Option<Instant>) -> bool {
        let job = self.job;
        self.pool
            .borrow_mut()
            .pump_until(deadline, |pool| pool.jobs().all_resolved(job))
    }

    /// Whether the result is in (Python's `ready()`); never waits.
    pub fn ready(&self) -> bool {
        self.wait_until(Some(Instant::now()))
    }

    /// Whether it completed without an error: `None` while it is not ready (where Python's
    /// `successful()` raises `ValueError`).
    pub fn successful(&self) -> Option<bool> {
        self.ready()
            .then(|| self.pool.borrow().jobs().all_done(self.job))
    }

    /// Waits until the result is in: Python's `wait()`.
    pub fn wait(&self) {
        self.wait_until(None);
    }

    /// Waits up to `timeout`; whether the result is in: Python's `wait(timeout)`.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        self.wait_until(Some(Instant::now() + timeout))
    }

    /// Waits for the result: Python's `get()`. It can be asked for again.
    pub fn get(&self) -> Result<O, PoolError> {
        self.wait();
        self.take()
    }

    /// Waits up to `timeout` for the result: Python's `get(timeout)`; [`PoolError::Timeout`] if
    /// it is not in by then (ask again later).
    pub fn get_timeout(&self, timeout: Duration) -> Result<O, PoolError> {
        if !self.wait_timeout(timeout) {
            return Err(PoolError::Timeout);
        }
        self.take()
    }

    fn take(&self) -> Result<O, PoolError> {
        let pool = self.pool.borrow();
        if let Some(error) = pool.jobs().error(self.job) {
            return Err(error);
        }
        let encoded = pool.jobs().results(self.job).ok_or(PoolError::Timeout)?;
        (self.decode)(encoded)
    }
}

impl<O> Drop for AsyncResult<O> {
    fn drop(&mut self) {
        if let Ok(mut pool) = self.pool.try_borrow_mut() {
            pool.jobs_mut().forget(self.job);
        }
    }
}

/// The results of [`Pool::imap`](super::Pool::imap) or [`Pool::imap_unordered`](super::Pool::imap_unordered), one `Result` per item (one `Err`
/// for a chunk that failed).
#[derive(Debug)]
pub struct IMap<R> {
    pool: Rc<RefCell<Coordinator>>,
    job: u64,
    /// Chunks not yet yielded, in input order.
    left: std::collections::VecDeque<usize>,
    order: Order,
    /// Results of the chunk being yielded, last first.
    ready: Vec<R>,
}

/// In which order an [`IMap`] yields: Python's `imap` or `imap_unordered`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// In input order (`imap`).
    AsGiven,
    /// As each finishes (`imap_unordered`).
    AsFinished,
}

impl<R> IMap<R> {
    pub(super) fn new(
        pool: &Rc<RefCell<Coordinator>>,
        job: u64,
        chunks: usize,
        order: Order,
    ) -> Self {
        IMap {
            pool: Rc::clone(pool),
            job,
            left: (0..chunks).collect(),
            order,
            ready: Vec::new(),
        }
    }
}

impl<R: DeserializeOwned> Iterator for IMap<R> {
    type Item = Result<R, PoolError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(result) = self.ready.pop() {
            return Some(Ok(result));
        }
        let (job, order) = (self.job, self.order);
        let left: Vec<usize> = self.left.iter().copied().collect();
        let mut pool = self.pool.borrow_mut();
        pool.pump_until(None, |pool| match order {
            Order::AsGiven => left
                .first()
                .is_none_or(|&index| pool.jobs().is_resolved(job, index)),
            Order::AsFinished => {
                left.is_empty() || left.iter().any(|&i| pool.jobs().is_resolved(job, i))
            }
        });
        let position = self
            .left
            .iter()
            .position(|&index| pool.jobs().is_resolved(job, index))?;
        let index = self.left.remove(position)?;
        match pool.jobs_mut().take(job, index)? {
            Ok(bytes) => match postcard::from_bytes::<Vec<R>>(&bytes) {
                Ok(mut results) => {
                    results.reverse();
                    self.ready = results;
                    drop(pool);
                    self.next()
                }
                Err(error) => Some(Err(PoolError::Format(error))),
            },
            Err(error) => Some(Err(error)),
        }
    }
}

impl<R> Drop for IMap<R> {
    fn drop(&mut self) {
        if let Ok(mut pool) = self.pool.try_borrow_mut() {
            pool.jobs_mut().forget(self.job);
        }
    }
}
