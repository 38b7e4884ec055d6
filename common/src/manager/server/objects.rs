//! The objects a manager holds, and who waits on them (by connection number). Nothing here
//! touches a socket: an operation says what to answer now, whom to wake, and whether a lock or
//! a queue may now go to a waiter; the server delivers.

use super::super::protocol::{Kind, Op, Response};
use std::collections::VecDeque;

enum Object {
    Dict(Vec<(Vec<u8>, Vec<u8>)>),
    List(Vec<Vec<u8>>),
    Namespace(Vec<(Vec<u8>, Vec<u8>)>),
    Lock {
        held: bool,
        waiting: VecDeque<u64>,
    },
    Queue {
        items: VecDeque<Vec<u8>>,
        waiting: VecDeque<u64>,
    },
    Event {
        set: bool,
        waiting: Vec<u64>,
    },
}

/// What an operation did.
pub(super) struct Outcome {
    /// The answer now, or `None`: the caller waits, and is answered when that ends.
    pub(super) response: Option<Response>,
    /// Waiters to answer now (an event was set).
    pub(super) wake: Vec<(u64, Response)>,
    /// A lock was freed or an item put: hand it to a waiter ([`Objects::next_handoff`]).
    pub(super) handoff: bool,
}

/// Every object of one manager, numbered in the order they were made.
#[derive(Default)]
pub(super) struct Objects(Vec<Object>);

impl Objects {
    /// A new object of `kind`; its number.
    pub(super) fn create(&mut self, kind: Kind) -> Response {
        self.0.push(match kind {
            Kind::Dict => Object::Dict(Vec::new()),
            Kind::List => Object::List(Vec::new()),
            Kind::Namespace => Object::Namespace(Vec::new()),
            Kind::Lock => Object::Lock {
                held: false,
                waiting: VecDeque::new(),
            },
            Kind::Queue => Object::Queue {
                items: VecDeque::new(),
                waiting: VecDeque::new(),
            },
            Kind::Event => Object::Event {
                set: false,
                waiting: Vec::new(),
            },
        });
        match u32::try_from(self.0.len() - 1) {
            Ok(number) => Response::Created(number),
            Err(_) => Response::Error("too many objects".to_owned()),
        }
    }

    /// Forgets connection `id` wherever it waits.
    pub(super) fn forget(&mut self, id: u64) {
        for object in &mut self.0 {
            match object {
                Object::Lock { waiting, .. } | Object::Queue { waiting, .. } => {
                    waiting.retain(|w| *w != id)
                }
                Object::Event { waiting, .. } => waiting.retain(|w| *w != id),
                _ => {}
            }
        }
    }

    /// Connection `id` calls `op` on object `object`.
    pub(super) fn call(&mut self, id: u64, object: usize, op: Op) -> Outcome {
        let mut outcome = Outcome {
            response: None,
            wake: Vec::new(),
            handoff: false,
        };
        let Some(target) = self.0.get_mut(object) else {
            outcome.response = Some(Response::Error(format!(
                "no object {object} in this manager"
            )));
            return outcome;
        };
        outcome.response = match (target, op) {
            (Object::Dict(pairs) | Object::Namespace(pairs), Op::Set { key, value }) => {
                match pairs.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, old)) => *old = value,
                    None => pairs.push((key, value)),
                }
                Some(Response::Ok)
            }
            (Object::Dict(pairs) | Object::Namespace(pairs), Op::Get { key }) => {
                let found = pairs.iter().find(|(k, _)| *k == key);
                Some(Response::Value(found.map(|(_, v)| v.clone())))
            }
            (Object::Dict(pairs), Op::Remove { key }) => {
                let before = pairs.len();
                pairs.retain(|(k, _)| *k != key);
                Some(Response::Flag(pairs.len() < before))
            }
            (Object::Dict(pairs) | Object::Namespace(pairs), Op::Items) => {
                Some(Response::Pairs(pairs.clone()))
            }
            (Object::Dict(pairs), Op::Len) => Some(Response::Len(pairs.len() as u64)),
            (Object::List(items), Op::Append { value }) => {
                items.push(value);
                Some(Response::Ok)
            }
            (Object::List(items), Op::Items) => Some(Response::Pairs(
                items.iter().map(|v| (Vec::new(), v.clone())).collect(),
            )),
            (Object::List(items), Op::Len) => Some(Response::Len(items.len() as u64)),
            (Object::Lock { held, waiting }, Op::Acquire) => {
                if *held {
                    waiting.push_back(id);
                    None
                } else {
                    *held = true;
                    Some(Response::Ok)
                }
            }
            (Object::Lock { held, .. }, Op::Release) => {
                if !*held {
                    Some(Response::Error("release unlocked lock".to_owned()))
                } else {
                    *held = false;
                    outcome.handoff = true;
                    Some(Response::Ok)
                }
            }
            (Object::Queue { items, .. }, Op::Put { value }) => {
                items.push_back(value);
                outcome.handoff = true;
                Some(Response::Ok)
            }
            (Object::Queue { items, waiting }, Op::Take) => match items.pop_front() {
                Some(value) => Some(Response::Value(Some(value))),
                None => {
                    waiting.push_back(id);
                    None
                }
            },
            (Object::Queue { items, .. }, Op::Len) => Some(Response::Len(items.len() as u64)),
            (Object::Event { set, waiting }, Op::SetFlag) => {
                *set = true;
                outcome
                    .wake
                    .extend(waiting.drain(..).map(|w| (w, Response::Ok)));
                Some(Response::Ok)
            }
            (Object::Event { set, .. }, Op::ClearFlag) => {
                *set = false;
                Some(Response::Ok)
            }
            (Object::Event { set, .. }, Op::IsSet) => Some(Response::Flag(*set)),
            (Object::Event { set, waiting }, Op::Wait) => {
                if *set {
                    Some(Response::Ok)
                } else {
                    waiting.push(id);
                    None
                }
            }
            (_, op) => Some(Response::Error(format!(
                "object {object} has no operation {op:?}"
            ))),
        };
        outcome
    }

    /// The next waiter to give a free lock or a queued item to, first come first served, and
    /// its answer (the lock is taken, the item removed, for it).
    pub(super) fn next_handoff(&mut self, object: usize) -> Option<(u64, Response)> {
        match self.0.get_mut(object)? {
            Object::Lock { held, waiting } if !*held => {
                let waiter = waiting.pop_front()?;
                *held = true;
                Some((waiter, Response::Ok))
            }
            Object::Queue { items, waiting } if !items.is_empty() => {
                let waiter = waiting.pop_front()?;
                Some((waiter, Response::Value(items.pop_front())))
            }
            _ => None,
        }
    }

    /// A handoff that could not be delivered (its waiter is gone): the lock is free again, the
    /// item back at the front, for the next waiter.
    pub(super) fn take_back(&mut self, object: usize, answer: Response) {
        match (self.0.get_mut(object), answer) {
            (Some(Object::Lock { held, .. }), _) => *held = false,
            (Some(Object::Queue { items, .. }), Response::Value(Some(item))) => {
                items.push_front(item)
            }
            _ => {}
        }
    }
}
