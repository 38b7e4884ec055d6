//! A daemon child terminated at exit, for the harness's test of the exit sequence's order.
//!
//! - `exit-order print-first`: prints, then starts the daemon (as `daemon-process` does);
//! - `exit-order fork-first`: starts the daemon before printing anything (as `gui-queue` does).

use common::process::Process;
use common::say;

fn main() {
    let print_first = match std::env::args().nth(1).as_deref() {
        Some("print-first") => true,
        Some("fork-first") => false,
        _ => {
            eprintln!("usage: exit-order print-first | exit-order fork-first");
            std::process::exit(2);
        }
    };
    if print_first {
        say!("main start");
    }
    let mut daemon = Process::new(|| common::sleep_secs(60.0))
        .name("daemon")
        .daemon(true);
    daemon.start().expect("start the daemon");
    say!("main end");
}
