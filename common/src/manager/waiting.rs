//! Handing a freed lock, or queued items, to the clients that wait for them.

use super::super::protocol::Response;
use super::{Object, Server};

impl Server {
    /// Gives a free lock, or the queue's items, to the clients waiting for them, first come
    /// first served. A waiter that cannot be answered (its process died while it waited, and its
    /// end-of-file is not read yet) is passed over: the lock or the item goes to the next one.
    pub(super) fn hand_over(&mut self, object: usize) {
        loop {
            let (waiter, answer) = match self.objects.get_mut(object) {
                Some(Object::Lock { held, waiting }) if !*held => match waiting.pop_front() {
                    Some(waiter) => {
                        *held = true;
                        (waiter, Response::Ok)
                    }
                    None => return,
                },
                Some(Object::Queue { items, waiting }) if !items.is_empty() => {
                    match waiting.pop_front() {
                        Some(waiter) => (waiter, Response::Value(items.pop_front())),
                        None => return,
                    }
                }
                _ => return,
            };
            if self.try_reply(waiter, &answer) {
                continue;
            }
            // Not delivered: take it back for the next waiter.
            match (self.objects.get_mut(object), answer) {
                (Some(Object::Lock { held, .. }), _) => *held = false,
                (Some(Object::Queue { items, .. }), Response::Value(Some(item))) => {
                    items.push_front(item)
                }
                _ => {}
            }
        }
    }
}
