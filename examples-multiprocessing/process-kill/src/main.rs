//! 3. 서브 프로세스 상태 확인 및 종료 — `is_alive` and `kill` (notes §2).
//!
//! Run: `cargo run -p process-kill`
//! Notice: False before `start`, True after; about five "sub process is running" lines; then
//! `kill` sends SIGKILL. The status printed right after it is usually True (the signal is on its
//! way; the child is not dead yet), sometimes already False; after `join` it is False.

use common::process::Process;
use common::python::Py;
use common::{say, sleep_secs};

fn work() {
    loop {
        say!("sub process is running");
        sleep_secs(1.0);
    }
}

fn main() {
    common::init(); // if __name__ == "__main__":
    let mut p = Process::target(work, ()).name("SubProcess");
    // `print("Status: ", ...)` prints two spaces, and Python's `True`/`False`.
    say!("Status:  {}", Py(p.is_alive()));
    p.start().expect("start SubProcess");
    say!("Status:  {}", Py(p.is_alive()));
    sleep_secs(5.0); // the main process waits (the notes' comment says 3 s; the code says 5)
    p.kill(); // end the sub process
    say!("Status:  {}", Py(p.is_alive()));
    p.join(); // blocks until the sub process is gone
    say!("Status:  {}", Py(p.is_alive()));
}
