//! Python's `multiprocessing.Manager()`: a server process that owns shared objects, and proxies
//! through which any process uses them.
//!
//! ```
//! let manager = common::manager::Manager::start().expect("start the manager");
//! let d = manager.dict::<String, i32>().expect("a dict");
//! d.set("a".to_owned(), 1).unwrap();
//! assert_eq!(d.get(&"a".to_owned()).unwrap(), Some(1));
//! manager.shutdown();
//! assert!(d.get(&"a".to_owned()).is_err(), "the manager is gone");
//! ```
//!
//! The manager is a child process (`SyncManager-1`, as Python names it), started by the start
//! method, listening on a Unix socket with an abstract address (Linux: nothing on disk to clean
//! up). Each proxy is one connection to it: a request, then its response, each encoded with
//! `postcard`. A proxy serializes as the address, the manager's key and the object's number, so it
//! travels wherever a value can (a child's arguments, a pool's task, a queue), and the receiving
//! process connects anew, as a Python proxy is pickled by its address and `authkey`.
//!
//! A connection starts as CPython's does: the manager sends 32 random bytes, the proxy answers
//! with their HMAC-SHA256 under the key (32 bytes from `getrandom`) and sends a challenge of its
//! own, which the manager answers the same way; the key never crosses the socket. A wrong key
//! is [`ManagerError::Authentication`] (Python's `AuthenticationError`). What a peer that does
//! not know the key, or one that stalls, can do to the others: nothing (see `server/mod.rs`).
//!
//! # Where it differs
//! - CPython's socket is a file in a private directory (only its user can connect); this one is
//!   abstract, so any local user can connect, and only the challenge keeps them out.
//! - The objects hold values as bytes; a proxy is typed (`DictProxy<K, V>`), so what a process
//!   reads is decoded as the type it asked for.
//! - Every call returns a `Result`: a manager that is gone (ended, or killed) is an error at once,
//!   never a hang (Python raises `BrokenPipeError` or `EOFError`).

mod auth;
mod protocol;
mod proxies;
mod server;

pub use proxies::{DictProxy, EventProxy, ListProxy, LockGuard, LockProxy, Namespace, QueueProxy};

use crate::process::{Process, StartMethod, get_start_method};
use protocol::{Answer, Challenge, Kind, Request, Response, Verdict};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::io;
use std::os::linux::net::SocketAddrExt;
use std::os::unix::net::{SocketAddr, UnixListener, UnixStream};
use std::sync::Mutex;

/// Why a call through a proxy failed.
#[derive(Debug)]
pub enum ManagerError {
    /// The manager is gone: shut down, or killed (Python's `BrokenPipeError`, `EOFError`,
    /// `ConnectionRefusedError`).
    Gone(io::Error),
    /// The manager refused the operation (Python re-raises the manager's exception).
    Refused(String),
    /// The key did not match: this process's, or the other end's (Python's
    /// `AuthenticationError: digest received was wrong`).
    Authentication(String),
    /// A value did not encode, or a response did not decode as the type asked for.
    Format(String),
}

impl fmt::Display for ManagerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ManagerError::Gone(error) => write!(f, "the manager is gone ({error})"),
            ManagerError::Refused(why) => write!(f, "the manager refused: {why}"),
            ManagerError::Authentication(why) => write!(f, "authentication failed: {why}"),
            ManagerError::Format(why) => write!(f, "bad value: {why}"),
        }
    }
}

impl std::error::Error for ManagerError {}

/// Where a manager listens, and the key it asks for: what a proxy carries to another process.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Address {
    name: String,
    key: auth::Bytes,
}

/// One connection to the manager, made at the first request (so that a proxy can be cloned,
/// sent and received without the manager, as a Python proxy is pickled). Requests from several
/// threads take turns.
#[derive(Debug)]
struct Connection {
    address: Address,
    stream: Mutex<Option<(UnixStream, protocol::Buffers)>>,
}

impl Connection {
    fn new(address: &Address) -> Self {
        Connection {
            address: address.clone(),
            stream: Mutex::new(None),
        }
    }

    /// Connects, answers the manager's challenge and checks its answer to ours.
    fn open(address: &Address) -> Result<UnixStream, ManagerError> {
        let connect = || {
            let addr = SocketAddr::from_abstract_name(address.name.as_bytes())?;
            let stream = UnixStream::connect_addr(&addr)?;
            let Challenge(theirs) = protocol::receive(&stream)?;
            let ours = auth::random()?;
            let answer = Answer {
                digest: auth::answer(&address.key, &theirs),
                challenge: ours,
            };
            protocol::send(&stream, &answer)?;
            let verdict = protocol::receive(&stream)?;
            Ok((stream, ours, verdict))
        };
        match connect().map_err(ManagerError::Gone)? {
            (stream, ours, Verdict::Welcome { digest }) => {
                if auth::verify(&address.key, &ours, &digest) {
                    Ok(stream)
                } else {
                    Err(ManagerError::Authentication(
                        "the manager's digest was wrong (it does not have the key)".to_owned(),
                    ))
                }
            }
            (_, _, Verdict::Failure) => Err(ManagerError::Authentication(
                "digest received was wrong".to_owned(),
            )),
        }
    }

    /// One request and its response (an `Error` response becomes `Refused`).
    fn ask(&self, request: &Request) -> Result<Response, ManagerError> {
        let mut stream = self.stream.lock().unwrap_or_else(|e| e.into_inner());
        if stream.is_none() {
            *stream = Some((Self::open(&self.address)?, protocol::Buffers::default()));
        }
        let Some((connected, buffers)) = stream.as_mut() else {
            unreachable!("connected just above")
        };
        let answer = buffers
            .send(&*connected, request)
            .and_then(|()| buffers.receive(&*connected));
        match answer {
            Ok(Response::Error(why)) => Err(ManagerError::Refused(why)),
            Ok(response) => Ok(response),
            Err(error) => {
                *stream = None;
                Err(ManagerError::Gone(error))
            }
        }
    }
}

/// A running manager: Python's `Manager()`, or `with Manager() as m:`. Dropping it shuts the
/// manager down (the end of the `with` block); the proxies then fail with
/// [`ManagerError::Gone`].
#[derive(Debug)]
pub struct Manager {
    process: Process,
    connection: Connection,
}

/// The manager process's `main`: listen, say so, serve.
fn run_server(address: Address, ready: crate::ipc::IpcSender<()>) {
    let Ok(addr) = SocketAddr::from_abstract_name(address.name.as_bytes()) else {
        return;
    };
    let Ok(listener) = UnixListener::bind_addr(&addr) else {
        return;
    };
    if ready.send(()).is_ok() {
        drop(ready);
        server::serve(listener, address.key);
    }
}

impl Manager {
    /// Starts a manager process (by the program's start method) and connects to it.
    pub fn start() -> io::Result<Self> {
        Self::start_with(get_start_method())
    }

    /// Starts a manager process by `method`: Python's `get_context(method).Manager()`.
    pub fn start_with(method: StartMethod) -> io::Result<Self> {
        let key = auth::random()?;
        let tag = auth::random()?;
        let tag = u64::from_le_bytes(tag[..8].try_into().unwrap_or_default());
        let address = Address {
            name: format!("pymanager-{}-{tag:016x}", std::process::id()),
            key,
        };
        let (ready, listening) = crate::ipc::channel::<()>()?;
        let mut process = Process::target(run_server, (address.clone(), ready))
            .name("SyncManager-1")
            .daemon(true)
            .start_method(method);
        process.start().map_err(io::Error::other)?;
        if let Err(error) = crate::ipc::recv_from(&listening, &mut process) {
            process.join();
            return Err(io::Error::other(format!(
                "the manager did not start: {error}"
            )));
        }
        let connection = Connection::new(&address);
        Ok(Manager {
            process,
            connection,
        })
    }

    /// The manager process's PID.
    pub fn pid(&self) -> Option<u32> {
        self.process.pid()
    }

    fn create(&self, kind: Kind) -> Result<(Address, u32), ManagerError> {
        match self.connection.ask(&Request::Create(kind))? {
            Response::Created(object) => Ok((self.connection.address.clone(), object)),
            other => Err(ManagerError::Format(format!("{other:?} to a create"))),
        }
    }

    /// A new dict in the manager: Python's `m.dict()`.
    pub fn dict<K, V>(&self) -> Result<DictProxy<K, V>, ManagerError> {
        let (address, object) = self.create(Kind::Dict)?;
        Ok(DictProxy::new(&address, object))
    }

    /// A new list: Python's `m.list()`.
    pub fn list<T>(&self) -> Result<ListProxy<T>, ManagerError> {
        let (address, object) = self.create(Kind::List)?;
        Ok(ListProxy::new(&address, object))
    }

    /// A new namespace: Python's `m.Namespace()`.
    pub fn namespace(&self) -> Result<Namespace, ManagerError> {
        let (address, object) = self.create(Kind::Namespace)?;
        Ok(Namespace::new(&address, object))
    }

    /// A new lock: Python's `m.Lock()`.
    pub fn lock(&self) -> Result<LockProxy, ManagerError> {
        let (address, object) = self.create(Kind::Lock)?;
        Ok(LockProxy::new(&address, object))
    }

    /// A new queue: Python's `m.Queue()`.
    pub fn queue<T>(&self) -> Result<QueueProxy<T>, ManagerError> {
        let (address, object) = self.create(Kind::Queue)?;
        Ok(QueueProxy::new(&address, object))
    }

    /// A new event: Python's `m.Event()`.
    pub fn event(&self) -> Result<EventProxy, ManagerError> {
        let (address, object) = self.create(Kind::Event)?;
        Ok(EventProxy::new(&address, object))
    }

    /// Ends the manager and waits for its process: Python's `m.shutdown()`.
    pub fn shutdown(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        if self.process.exitcode().is_none() {
            let _ = self.connection.ask(&Request::Shutdown);
            if !self.process.join_timeout(std::time::Duration::from_secs(1)) {
                self.process.kill();
                self.process.join();
            }
        }
    }
}

impl Drop for Manager {
    fn drop(&mut self) {
        self.stop();
    }
}
