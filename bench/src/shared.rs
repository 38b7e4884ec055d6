//! Memory two processes share: a counter in a shared segment, and a named block attached anew.

use crate::time;
use common::process::Process;
use common::shm::Value;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

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
