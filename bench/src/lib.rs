//! The operations the benchmarks time, one function each: `op(n)` does the operation `n` times
//! (or moves `n` messages) and returns how long that took. Setup that is not part of the
//! operation (creating channels, forking the echo child) stays outside the clock where it can.
//!
//! Operations that `fork` need a process with one thread: `bench measure` runs each operation in
//! a fresh process of its own.

use common::ipc::pipe;
use common::pool::Pool;
use common::process::{Process, StartMethod};
use common::shm::Value;
use ipc_channel::ipc;
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, fork};
use rayon::prelude::*;
use serde_bytes::ByteBuf;
use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicI32, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// Times `body`.
fn time(body: impl FnOnce()) -> Duration {
    let started = Instant::now();
    body();
    started.elapsed()
}

/// `std::thread::spawn` + `join`, `n` times.
pub fn thread_start_join(n: u64) -> Duration {
    time(|| {
        for _ in 0..n {
            thread::spawn(|| {}).join().expect("join");
        }
    })
}

/// `common::process::Process` start + join of an empty target, `n` times, started by `method`.
fn start_join(n: u64, method: StartMethod) -> Duration {
    time(|| {
        for _ in 0..n {
            let mut p = Process::target(|| {}, ()).start_method(method);
            p.start().expect("start");
            p.join();
        }
    })
}

/// [`start_join`] under `fork`.
pub fn process_start_join(n: u64) -> Duration {
    start_join(n, StartMethod::Fork)
}

/// [`start_join`] under `spawn`: each child a fresh run of this program (`bench`), handed its
/// target by `common::init()`.
pub fn process_start_join_spawn(n: u64) -> Duration {
    start_join(n, StartMethod::Spawn)
}

/// [`start_join`] under `forkserver`: each child forked by the server (started by the first).
pub fn process_start_join_forkserver(n: u64) -> Duration {
    start_join(n, StartMethod::ForkServer)
}

/// The raw calls that `Process` wraps: `fork`, `_exit` in the child, `waitpid`, `n` times.
pub fn raw_fork_waitpid(n: u64) -> Duration {
    time(|| {
        for _ in 0..n {
            // SAFETY: `bench measure` runs this in a process with one thread, and the child
            // only calls `_exit`.
            match unsafe { fork() }.expect("fork") {
                ForkResult::Child => unsafe { nix::libc::_exit(0) },
                ForkResult::Parent { child } => {
                    waitpid(child, None).expect("waitpid");
                }
            }
        }
    })
}

/// `n` small messages (a `u64`) from a child to its parent through an `ipc-channel` queue.
pub fn queue_small_ipc(n: u64) -> Duration {
    let (put, get) = ipc::channel::<u64>().expect("channel");
    time(|| {
        let mut child = Process::new(move || (0..n).for_each(|i| put.send(i).expect("send")));
        child.start().expect("start");
        for _ in 0..n {
            get.recv().expect("recv");
        }
        child.join();
    })
}

/// `n` small messages between two threads through a `crossbeam-channel`.
pub fn queue_small_crossbeam(n: u64) -> Duration {
    let (put, get) = crossbeam_channel::unbounded::<u64>();
    time(|| {
        let sender = thread::spawn(move || (0..n).for_each(|i| put.send(i).expect("send")));
        for _ in 0..n {
            get.recv().expect("recv");
        }
        sender.join().expect("join");
    })
}

/// `n` messages of 1 MiB from a child to its parent through an `ipc-channel` queue.
pub fn queue_1mib_ipc(n: u64) -> Duration {
    let (put, get) = ipc::channel::<ByteBuf>().expect("channel");
    let payload = vec![7u8; 1 << 20];
    time(|| {
        let mut child = Process::new(move || {
            (0..n).for_each(|_| put.send(ByteBuf::from(payload.clone())).expect("send"))
        });
        child.start().expect("start");
        for _ in 0..n {
            assert_eq!(get.recv().expect("recv").len(), 1 << 20);
        }
        child.join();
    })
}

/// `n` round trips of a `u64` through the `pipe` example's connection, to an echoing child.
pub fn pipe_roundtrip(n: u64) -> Duration {
    let (here, there) = pipe().expect("pipe");
    // The child inherited the parent's end too, so it would never see EOF: `u64::MAX` says stop.
    let mut child = Process::new(move || {
        while let Ok(value) = there.recv::<u64>() {
            if value == u64::MAX {
                break;
            }
            there.send(&value).expect("echo");
        }
    });
    child.start().expect("start");
    let elapsed = time(|| {
        for i in 0..n {
            here.send(&i).expect("send");
            assert_eq!(here.recv::<u64>().expect("recv"), i);
        }
    });
    here.send(&u64::MAX).expect("stop");
    child.join();
    elapsed
}

/// The raw calls under the connection: 8 bytes each way over a `socketpair`, `n` times.
pub fn raw_socketpair_roundtrip(n: u64) -> Duration {
    let (mut here, mut there) = UnixStream::pair().expect("socketpair");
    let mut child = Process::new(move || {
        let mut buf = [0u8; 8];
        while there.read_exact(&mut buf).is_ok() && buf != [0xff; 8] {
            there.write_all(&buf).expect("echo");
        }
    });
    child.start().expect("start");
    let elapsed = time(|| {
        let mut buf = [0u8; 8];
        for i in 0..n {
            here.write_all(&i.to_le_bytes()).expect("write");
            here.read_exact(&mut buf).expect("read");
        }
    });
    here.write_all(&[0xff; 8]).expect("stop");
    child.join();
    elapsed
}

/// Two processes each add 1 to a shared counter `n / 2` times (`common::shm::Value::fetch_add`).
pub fn shared_counter(n: u64) -> Duration {
    let counter = std::rc::Rc::new(Value::new(0i32).expect("segment"));
    let elapsed = time(|| {
        let mut children: Vec<Process> = (0..2)
            .map(|_| {
                let counter = std::rc::Rc::clone(&counter);
                Process::new(move || (0..n / 2).for_each(|_| _ = counter.fetch_add(1)))
            })
            .collect();
        children.iter_mut().for_each(|c| c.start().expect("start"));
        children.iter_mut().for_each(Process::join);
    });
    assert_eq!(counter.get() as u64, n / 2 * 2, "no increment may be lost");
    elapsed
}

/// The raw operation: `fetch_add` on an atomic in this process, `n` times.
pub fn raw_atomic(n: u64) -> Duration {
    let counter = AtomicI32::new(0);
    let elapsed = time(|| (0..n).for_each(|_| _ = counter.fetch_add(1, Ordering::SeqCst)));
    assert_eq!(counter.load(Ordering::SeqCst) as u64, n);
    elapsed
}

/// `Pool(2).map` of `n` tiny tasks (`x + 1`).
pub fn pool_map_tiny(n: u64) -> Duration {
    time(|| {
        let pool = Pool::new(2).expect("start the pool");
        let out = pool.map(|x: u64| x + 1, 0..n).expect("map");
        assert_eq!(out.len() as u64, n);
    })
}

/// rayon's `par_iter` over the same `n` tiny tasks.
pub fn rayon_map_tiny(n: u64) -> Duration {
    time(|| {
        let out: Vec<u64> = (0..n).into_par_iter().map(|x| x + 1).collect();
        assert_eq!(out.len() as u64, n);
    })
}

fn square(x: u64) -> u64 {
    x * x
}

/// `n` maps of 100 items on one `Pool(4)`, started before the clock: per map.
pub fn pool_maps_small(n: u64) -> Duration {
    let pool = Pool::new(4).expect("start the pool");
    time(|| {
        for _ in 0..n {
            assert_eq!(pool.map(square, 0..100).expect("map").len(), 100);
        }
    })
}

/// `n` maps of 100,000 items on one `Pool(4)`, started before the clock: per map.
pub fn pool_maps_big(n: u64) -> Duration {
    let pool = Pool::new(4).expect("start the pool");
    time(|| {
        for _ in 0..n {
            assert_eq!(pool.map(square, 0..100_000).expect("map").len(), 100_000);
        }
    })
}

/// The CPU-bound task: count the primes below `limit` by trial division.
pub fn count_primes(limit: u64) -> u64 {
    (2..limit)
        .filter(|&n| {
            (2..)
                .take_while(|d| d * d <= n)
                .all(|d| !n.is_multiple_of(d))
        })
        .count() as u64
}

/// The size of one CPU-bound task.
pub const CPU_TASK: u64 = 50_000;

/// `Pool(2).map` of 8 CPU-bound tasks (`n` is ignored).
pub fn pool_map_cpu(_n: u64) -> Duration {
    time(|| {
        let out = Pool::new(2)
            .expect("start the pool")
            .map(count_primes, vec![CPU_TASK; 8])
            .expect("map");
        assert!(out.iter().all(|&c| c == 5_133));
    })
}

/// rayon over the same 8 CPU-bound tasks.
pub fn rayon_map_cpu(_n: u64) -> Duration {
    time(|| {
        let out: Vec<u64> = vec![CPU_TASK; 8]
            .into_par_iter()
            .map(count_primes)
            .collect();
        assert!(out.iter().all(|&c| c == 5_133));
    })
}

/// 4 CPU-bound tasks on one thread (`n` is ignored).
pub fn cpu_one_thread(_n: u64) -> Duration {
    time(|| (0..4).for_each(|_| assert_eq!(count_primes(CPU_TASK), 5_133)))
}

/// The same 4 tasks on two threads, two each.
pub fn cpu_two_threads(_n: u64) -> Duration {
    time(|| {
        let threads: Vec<_> = (0..2)
            .map(|_| {
                thread::spawn(|| (0..2).for_each(|_| assert_eq!(count_primes(CPU_TASK), 5_133)))
            })
            .collect();
        threads.into_iter().for_each(|t| t.join().expect("join"));
    })
}

/// `n` round trips to a manager's dict: `d[0] = i`, then `d[0]` read back (Python's
/// `Manager().dict()`). The manager is started before the clock.
pub fn manager_dict_roundtrip(n: u64) -> Duration {
    let manager = common::manager::Manager::start().expect("manager");
    let d = manager.dict::<u64, u64>().expect("dict");
    d.set(0, 0).expect("connect before the clock");
    time(|| {
        for i in 0..n {
            d.set(0, i).expect("set");
            assert_eq!(d.get(&0).expect("get"), Some(i));
        }
    })
}

/// `n` times: attach to a named 1 MiB block by its name and copy all of it out
/// (`SharedMemory(name=..)`, `bytes(shm.buf)`, `close()`).
pub fn shm_attach_read_1mib(n: u64) -> Duration {
    const MIB: usize = 1 << 20;
    let block = common::shm::SharedMemory::create(MIB).expect("create");
    block.write(0, &vec![7u8; MIB]);
    let elapsed = time(|| {
        for _ in 0..n {
            let other = common::shm::SharedMemory::attach(block.name()).expect("attach");
            let bytes = other.read(0, MIB);
            assert_eq!((bytes.len(), bytes[MIB - 1]), (MIB, 7));
        }
    });
    block.unlink().expect("unlink");
    elapsed
}

/// One measured operation: its name, what one unit is, and how many units one sample does.
#[derive(Debug, Clone, Copy)]
pub struct Op {
    /// The name `bench measure` and the Python twin know it by.
    pub name: &'static str,
    /// The operation.
    pub run: fn(u64) -> Duration,
    /// Units per sample.
    pub n: u64,
}

/// Every operation, in the order of `docs/bench.md`.
pub const OPS: &[Op] = &[
    Op {
        name: "thread_start_join",
        run: thread_start_join,
        n: 2_000,
    },
    Op {
        name: "process_start_join",
        run: process_start_join,
        n: 200,
    },
    Op {
        name: "process_start_join_spawn",
        run: process_start_join_spawn,
        n: 50,
    },
    Op {
        name: "process_start_join_forkserver",
        run: process_start_join_forkserver,
        n: 100,
    },
    Op {
        name: "raw_fork_waitpid",
        run: raw_fork_waitpid,
        n: 200,
    },
    Op {
        name: "queue_small_ipc",
        run: queue_small_ipc,
        n: 20_000,
    },
    Op {
        name: "queue_small_crossbeam",
        run: queue_small_crossbeam,
        n: 200_000,
    },
    Op {
        name: "queue_1mib_ipc",
        run: queue_1mib_ipc,
        n: 100,
    },
    Op {
        name: "pipe_roundtrip",
        run: pipe_roundtrip,
        n: 20_000,
    },
    Op {
        name: "raw_socketpair_roundtrip",
        run: raw_socketpair_roundtrip,
        n: 20_000,
    },
    Op {
        name: "shared_counter",
        run: shared_counter,
        n: 1_000_000,
    },
    Op {
        name: "raw_atomic",
        run: raw_atomic,
        n: 1_000_000,
    },
    Op {
        name: "pool_maps_small",
        run: pool_maps_small,
        n: 200,
    },
    Op {
        name: "pool_maps_big",
        run: pool_maps_big,
        n: 10,
    },
    Op {
        name: "pool_map_tiny",
        run: pool_map_tiny,
        n: 100_000,
    },
    Op {
        name: "rayon_map_tiny",
        run: rayon_map_tiny,
        n: 100_000,
    },
    Op {
        name: "pool_map_cpu",
        run: pool_map_cpu,
        n: 1,
    },
    Op {
        name: "rayon_map_cpu",
        run: rayon_map_cpu,
        n: 1,
    },
    Op {
        name: "manager_dict_roundtrip",
        run: manager_dict_roundtrip,
        n: 10_000,
    },
    Op {
        name: "shm_attach_read_1mib",
        run: shm_attach_read_1mib,
        n: 200,
    },
    Op {
        name: "cpu_one_thread",
        run: cpu_one_thread,
        n: 1,
    },
    Op {
        name: "cpu_two_threads",
        run: cpu_two_threads,
        n: 1,
    },
];
