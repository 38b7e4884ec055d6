//! 프로세스 스포닝, second snippet — parent and child PIDs, and a global each child copies (notes §2).
//!
//! Run: `cargo run -p process-pid`
//! Notice: each child names the main process as its parent, has a PID of its own, and prints 43:
//! it adds 1 to its own `num` (a copy that `fork` made; under `spawn`, the program's own 42 from
//! its start). The parent's `num` is still 42, so the second child prints 43 too.

use common::process::Process;
use common::{current_process, say};
use std::sync::atomic::{AtomicI32, Ordering};

/// Python's module-level `num = 42`. A Rust global that changes must be an atomic (or sit in a
/// `Mutex`); each child has its own (`fork` copies it, `spawn` starts it afresh).
static NUM: AtomicI32 = AtomicI32::new(42);

fn f(name: String) {
    let num = NUM.fetch_add(1, Ordering::SeqCst) + 1; // global num; num += 1
    let me = current_process();
    say!("{}", "-".repeat(20));
    say!("PID of parent: {}", me.ppid); // os.getppid()
    say!("PID of {} : {}", name, me.pid); // os.getpid()
    say!("{num}");
}

fn main() {
    common::init(); // if __name__ == "__main__":
    let me = current_process();
    say!("PID of {} : {}", me.name, me.pid);
    say!("{}", NUM.load(Ordering::SeqCst));

    // `Process(target=f, args=("proc_1",))`.
    let mut p1 = Process::target(f, "proc_1".to_owned());
    let mut p2 = Process::target(f, "proc_2".to_owned());

    p1.start().expect("start proc_1");
    p1.join();
    p2.start().expect("start proc_2");
    p2.join();
}
