//! The manager process: one thread that owns every object, polls its listening socket and every
//! connection, and answers each request in turn. An operation that must wait (a held lock, an
//! empty queue, an event not set) is answered later, when what it waits for happens; the server
//! never blocks on one client.

use super::protocol::{self, Kind, Op, Request, Response};

#[path = "waiting.rs"]
mod waiting;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
use std::collections::VecDeque;
use std::os::fd::AsFd;
use std::os::unix::net::{UnixListener, UnixStream};

/// A client's connection, and whether it has given the key.
struct Client {
    stream: UnixStream,
    trusted: bool,
}

/// An object and whoever waits on it (by connection number).
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

/// The server's state.
struct Server {
    key: [u8; 16],
    clients: Vec<(u64, Client)>,
    objects: Vec<Object>,
    next: u64,
}

/// Serves on `listener` until a `Shutdown` request; then returns (the process ends).
pub(super) fn serve(listener: UnixListener, key: [u8; 16]) {
    let mut server = Server {
        key,
        clients: Vec::new(),
        objects: Vec::new(),
        next: 0,
    };
    loop {
        let ready: Vec<bool> = {
            let mut fds: Vec<PollFd> = std::iter::once(listener.as_fd())
                .chain(server.clients.iter().map(|(_, c)| c.stream.as_fd()))
                .map(|fd| PollFd::new(fd, PollFlags::POLLIN))
                .collect();
            match poll(&mut fds, PollTimeout::NONE) {
                Err(nix::errno::Errno::EINTR) => continue,
                Err(_) => return,
                Ok(_) => {}
            }
            fds.iter().map(|fd| fd.any().unwrap_or(true)).collect()
        };
        if ready[0]
            && let Ok((stream, _)) = listener.accept()
        {
            server.next += 1;
            let client = Client {
                stream,
                trusted: false,
            };
            server.clients.push((server.next, client));
        }
        let readable: Vec<u64> = server
            .clients
            .iter()
            .zip(&ready[1..])
            .filter(|(_, ready)| **ready)
            .map(|((id, _), _)| *id)
            .collect();
        for id in readable {
            let Some(index) = server.clients.iter().position(|(c, _)| *c == id) else {
                continue;
            };
            match protocol::receive::<Request>(&server.clients[index].1.stream) {
                Ok(Request::Shutdown) if server.clients[index].1.trusted => {
                    server.reply(id, &Response::Ok);
                    return;
                }
                Ok(request) => server.handle(id, index, request),
                // Closed (or garbled): forget the client, and its place in any queue of waiters.
                Err(_) => server.drop_client(id),
            }
        }
    }
}

impl Server {
    fn reply(&mut self, id: u64, response: &Response) {
        self.try_reply(id, response);
    }

    fn drop_client(&mut self, id: u64) {
        self.clients.retain(|(c, _)| *c != id);
        for object in &mut self.objects {
            match object {
                Object::Lock { waiting, .. } | Object::Queue { waiting, .. } => {
                    waiting.retain(|w| *w != id)
                }
                Object::Event { waiting, .. } => waiting.retain(|w| *w != id),
                _ => {}
            }
        }
    }

    fn handle(&mut self, id: u64, index: usize, request: Request) {
        let response = match request {
            Request::Hello { key } if key == self.key => {
                self.clients[index].1.trusted = true;
                Response::Ok
            }
            _ if !self.clients[index].1.trusted => {
                // Python: "digest received was wrong" (AuthenticationError).
                self.drop_client(id);
                return;
            }
            Request::Hello { .. } => Response::Ok,
            Request::Shutdown => Response::Ok,
            Request::Create(kind) => {
                self.objects.push(match kind {
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
                Response::Created(self.objects.len() as u32 - 1)
            }
            Request::Call { object, op } => match self.call(id, object as usize, op) {
                Some(response) => response,
                None => return, // answered later
            },
        };
        self.reply(id, &response);
    }

    /// The response now, or `None` if the client waits (it is answered when that ends).
    fn call(&mut self, id: u64, object: usize, op: Op) -> Option<Response> {
        let Some(target) = self.objects.get_mut(object) else {
            return Some(Response::Error(format!(
                "no object {object} in this manager"
            )));
        };
        let mut wake: Vec<(u64, Response)> = Vec::new();
        let mut handoff = false;
        let response = match (target, op) {
            (Object::Dict(pairs) | Object::Namespace(pairs), Op::Set { key, value }) => {
                match pairs.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, old)) => *old = value,
                    None => pairs.push((key, value)),
                }
                Some(Response::Ok)
            }
            (Object::Dict(pairs) | Object::Namespace(pairs), Op::Get { key }) => {
                Some(Response::Value(
                    pairs
                        .iter()
                        .find(|(k, _)| *k == key)
                        .map(|(_, v)| v.clone()),
                ))
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
                    handoff = true;
                    Some(Response::Ok)
                }
            }
            (Object::Queue { items, .. }, Op::Put { value }) => {
                items.push_back(value);
                handoff = true;
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
                wake.extend(waiting.drain(..).map(|w| (w, Response::Ok)));
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
        for (waiter, answer) in wake {
            self.reply(waiter, &answer);
        }
        if handoff {
            self.hand_over(object);
        }
        response
    }

    /// Replies; whether the client got it (false: it is gone, and forgotten).
    fn try_reply(&mut self, id: u64, response: &Response) -> bool {
        let Some(index) = self.clients.iter().position(|(c, _)| *c == id) else {
            return false;
        };
        if protocol::send(&self.clients[index].1.stream, response).is_ok() {
            return true;
        }
        self.drop_client(id);
        false
    }
}
