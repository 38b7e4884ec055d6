//! The typed proxies: each is one connection to the manager (made at its first call) and the
//! number of one object. Serialized, a proxy is its address and number; the process that
//! receives it connects anew.

use super::protocol::{Op, Request, Response};
use super::{Address, Connection, ManagerError};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::marker::PhantomData;

/// What every proxy is: a connection, and which object.
#[derive(Debug)]
struct Proxy {
    connection: Connection,
    object: u32,
}

impl Proxy {
    fn new(address: &Address, object: u32) -> Self {
        Proxy {
            connection: Connection::new(address),
            object,
        }
    }

    fn call(&self, op: Op) -> Result<Response, ManagerError> {
        // Counted as a use of shared state, as a `Value`'s read is (the checker sees who did it).
        crate::perturb::shared_access();
        if op.writes() {
            crate::perturb::proxy_write();
        }
        self.connection.ask(&Request::Call {
            object: self.object,
            op,
        })
    }

    fn ok(&self, op: Op) -> Result<(), ManagerError> {
        match self.call(op)? {
            Response::Ok => Ok(()),
            other => Err(unexpected(other)),
        }
    }
}

fn unexpected(response: Response) -> ManagerError {
    ManagerError::Format(format!("unexpected response {response:?}"))
}

fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, ManagerError> {
    postcard::to_stdvec(value).map_err(|e| ManagerError::Format(e.to_string()))
}

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ManagerError> {
    postcard::from_bytes(bytes).map_err(|e| ManagerError::Format(e.to_string()))
}

/// Sent as (address, object): the receiver connects to the same manager.
impl Serialize for Proxy {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (&self.connection.address, self.object).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Proxy {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (address, object) = <(Address, u32)>::deserialize(deserializer)?;
        Ok(Proxy::new(&address, object))
    }
}

impl Clone for Proxy {
    /// Another proxy of the same object: it connects at its first call.
    fn clone(&self) -> Self {
        Proxy::new(&self.connection.address, self.object)
    }
}

/// Declares a typed proxy over `Proxy`: serialized as it, cloned as another connection.
macro_rules! proxy {
    ($(#[$doc:meta])* $name:ident $(<$($t:ident),*>)?) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Serialize, Deserialize)]
        #[serde(bound = "")]
        pub struct $name $(<$($t),*>)? {
            proxy: Proxy,
            $(types: PhantomData<fn() -> ($($t,)*)>,)?
        }

        impl $(<$($t),*>)? $name $(<$($t),*>)? {
            pub(super) fn new(address: &Address, object: u32) -> Self {
                $name {
                    proxy: Proxy::new(address, object),
                    $(types: PhantomData::<fn() -> ($($t,)*)>,)?
                }
            }
        }
    };
}

proxy!(
    /// A dict in the manager: Python's `m.dict()`. Entries keep the order they were first set in.
    DictProxy<K, V>
);
proxy!(
    /// A list in the manager: Python's `m.list()`.
    ListProxy<T>
);
proxy!(
    /// A namespace in the manager: Python's `m.Namespace()`, attributes by name.
    Namespace
);
proxy!(
    /// A lock in the manager: Python's `m.Lock()`. Any process may release it, as in Python.
    LockProxy
);
proxy!(
    /// A queue in the manager: Python's `m.Queue()`.
    QueueProxy<T>
);
proxy!(
    /// An event in the manager: Python's `m.Event()`.
    EventProxy
);

impl<K: Serialize + DeserializeOwned, V: Serialize + DeserializeOwned> DictProxy<K, V> {
    /// Python's `d[key] = value`.
    pub fn set(&self, key: K, value: V) -> Result<(), ManagerError> {
        let (key, value) = (encode(&key)?, encode(&value)?);
        self.proxy.ok(Op::Set { key, value })
    }

    /// Python's `d.get(key)`.
    pub fn get(&self, key: &K) -> Result<Option<V>, ManagerError> {
        match self.proxy.call(Op::Get { key: encode(key)? })? {
            Response::Value(value) => value.map(|bytes| decode(&bytes)).transpose(),
            other => Err(unexpected(other)),
        }
    }

    /// Python's `del d[key]`: whether it was there.
    pub fn remove(&self, key: &K) -> Result<bool, ManagerError> {
        match self.proxy.call(Op::Remove { key: encode(key)? })? {
            Response::Flag(was) => Ok(was),
            other => Err(unexpected(other)),
        }
    }

    /// Python's `list(d.items())`, in insertion order.
    pub fn items(&self) -> Result<Vec<(K, V)>, ManagerError> {
        match self.proxy.call(Op::Items)? {
            Response::Pairs(pairs) => pairs
                .iter()
                .map(|(k, v)| Ok((decode(k)?, decode(v)?)))
                .collect(),
            other => Err(unexpected(other)),
        }
    }

    /// Python's `len(d)`.
    pub fn len(&self) -> Result<usize, ManagerError> {
        match self.proxy.call(Op::Len)? {
            Response::Len(n) => Ok(n as usize),
            other => Err(unexpected(other)),
        }
    }

    /// Python's `not d`.
    pub fn is_empty(&self) -> Result<bool, ManagerError> {
        Ok(self.len()? == 0)
    }
}

impl<T: Serialize + DeserializeOwned> ListProxy<T> {
    /// Python's `l.append(value)`.
    pub fn append(&self, value: T) -> Result<(), ManagerError> {
        self.proxy.ok(Op::Append {
            value: encode(&value)?,
        })
    }

    /// Python's `list(l)`: a copy of every item.
    pub fn to_vec(&self) -> Result<Vec<T>, ManagerError> {
        match self.proxy.call(Op::Items)? {
            Response::Pairs(pairs) => pairs.iter().map(|(_, v)| decode(v)).collect(),
            other => Err(unexpected(other)),
        }
    }

    /// Python's `len(l)`.
    pub fn len(&self) -> Result<usize, ManagerError> {
        match self.proxy.call(Op::Len)? {
            Response::Len(n) => Ok(n as usize),
            other => Err(unexpected(other)),
        }
    }

    /// Python's `not l`.
    pub fn is_empty(&self) -> Result<bool, ManagerError> {
        Ok(self.len()? == 0)
    }
}

impl Namespace {
    /// Python's `ns.name = value`.
    pub fn set<T: Serialize>(&self, name: &str, value: T) -> Result<(), ManagerError> {
        let value = encode(&value)?;
        self.proxy.ok(Op::Set {
            key: name.as_bytes().to_vec(),
            value,
        })
    }

    /// Python's `ns.name`: a copy of the value (Python's `AttributeError` if there is none).
    /// Changing the copy changes nothing in the manager: set it back.
    pub fn get<T: DeserializeOwned>(&self, name: &str) -> Result<T, ManagerError> {
        match self.proxy.call(Op::Get {
            key: name.as_bytes().to_vec(),
        })? {
            Response::Value(Some(bytes)) => decode(&bytes),
            Response::Value(None) => Err(ManagerError::Refused(format!(
                "'Namespace' object has no attribute '{name}'"
            ))),
            other => Err(unexpected(other)),
        }
    }
}

/// A lock held through a [`LockProxy`]; dropping it releases the lock.
#[derive(Debug)]
pub struct LockGuard<'a> {
    lock: &'a LockProxy,
}

impl LockProxy {
    /// Waits until the lock is free and takes it: Python's `lock.acquire()` or `with lock:`.
    pub fn acquire(&self) -> Result<LockGuard<'_>, ManagerError> {
        self.proxy.ok(Op::Acquire)?;
        Ok(LockGuard { lock: self })
    }

    /// Python's `lock.release()`, for a lock taken without a guard (by another proxy, or
    /// another process: `std::mem::forget` the guard there).
    pub fn release(&self) -> Result<(), ManagerError> {
        self.proxy.ok(Op::Release)
    }
}

impl Drop for LockGuard<'_> {
    fn drop(&mut self) {
        let _ = self.lock.release();
    }
}

impl<T: Serialize + DeserializeOwned> QueueProxy<T> {
    /// Python's `q.put(value)`.
    pub fn put(&self, value: T) -> Result<(), ManagerError> {
        self.proxy.ok(Op::Put {
            value: encode(&value)?,
        })
    }

    /// Waits for an item: Python's `q.get()`.
    pub fn get(&self) -> Result<T, ManagerError> {
        match self.proxy.call(Op::Take)? {
            Response::Value(Some(bytes)) => decode(&bytes),
            other => Err(unexpected(other)),
        }
    }

    /// Python's `q.qsize()`.
    pub fn qsize(&self) -> Result<usize, ManagerError> {
        match self.proxy.call(Op::Len)? {
            Response::Len(n) => Ok(n as usize),
            other => Err(unexpected(other)),
        }
    }
}

impl EventProxy {
    /// Python's `e.set()`: wakes every waiter.
    pub fn set(&self) -> Result<(), ManagerError> {
        self.proxy.ok(Op::SetFlag)
    }

    /// Python's `e.clear()`.
    pub fn clear(&self) -> Result<(), ManagerError> {
        self.proxy.ok(Op::ClearFlag)
    }

    /// Python's `e.is_set()`.
    pub fn is_set(&self) -> Result<bool, ManagerError> {
        match self.proxy.call(Op::IsSet)? {
            Response::Flag(set) => Ok(set),
            other => Err(unexpected(other)),
        }
    }

    /// Waits until it is set: Python's `e.wait()`.
    pub fn wait(&self) -> Result<(), ManagerError> {
        self.proxy.ok(Op::Wait)
    }
}
