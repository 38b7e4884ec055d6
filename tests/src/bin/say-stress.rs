//! A load for `common::say!`, used by the harness's own tests.
//!
//! - `say-stress <threads> <lines>`: `<threads>` named threads each print `<lines>` lines
//!   `stress <thread> <line> <padding>` at once.
//! - `say-stress processes <processes> <lines>`: the same from `<processes>` child processes.
//!
//! A torn, lost or doubled line shows in stdout or in the trace.

use common::process::Process;
use common::say;
use std::thread;

fn lines(who: usize, count: usize) {
    let padding = "x".repeat(300);
    for i in 0..count {
        say!("stress {who} {i} {padding}");
    }
}

fn usage() -> ! {
    eprintln!("usage: say-stress <threads> <lines> | say-stress processes <processes> <lines>");
    std::process::exit(2);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |arg: &String| arg.parse::<usize>().unwrap_or_else(|_| usage());
    match args.as_slice() {
        [mode, processes, count] if mode == "processes" => {
            let (processes, count) = (number(processes), number(count));
            say!("stress start");
            let mut children: Vec<Process> = (0..processes)
                .map(|p| Process::new(move || lines(p, count)).name(format!("stress {p}")))
                .collect();
            for child in &mut children {
                child.start().expect("start a stress process");
            }
            for child in &mut children {
                child.join();
            }
            say!("stress end");
        }
        [threads, count] => {
            let (threads, count) = (number(threads), number(count));
            say!("stress start");
            thread::scope(|scope| {
                for t in 0..threads {
                    thread::Builder::new()
                        .name(format!("stress {t}"))
                        .spawn_scoped(scope, move || lines(t, count))
                        .expect("spawn a stress thread");
                }
            });
            say!("stress end");
        }
        _ => usage(),
    }
}
