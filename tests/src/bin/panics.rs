//! Panics in other processes, for the harness's test of where their messages go:
//!
//! - `panics pool`: a `Pool::map` whose task panics on item 5: the caller prints the error,
//!   which carries the panic's message and place; the worker prints nothing;
//! - `panics process`: a child whose target panics: its message is on stderr, as Python prints a
//!   child's traceback, and the parent sees exit code 1.

use common::pool::Pool;
use common::process::Process;
use common::say;

fn boom_at_5(x: u32) -> u32 {
    if x == 5 {
        panic!("boom at {x}");
    }
    x
}

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("pool") => {
            let pool = Pool::new(2).expect("start the pool");
            match pool.map(boom_at_5, 0..10) {
                Ok(results) => say!("results: {results:?}"),
                Err(error) => say!("map failed: {error}"),
            }
        }
        Some("process") => {
            let mut child = Process::new(|| panic!("child boom")).name("SubProcess");
            child.start().expect("start the child");
            child.join();
            say!("exitcode = {:?}", child.exitcode());
        }
        _ => {
            eprintln!("usage: panics pool | panics process");
            std::process::exit(2);
        }
    }
}
