//! A load for `common::say!`, used by the harness's own tests: `say-stress <threads> <lines>`.
//!
//! Each of `<threads>` named threads prints `<lines>` lines `stress <thread> <line> <padding>` at
//! once; a torn, lost or doubled line shows in stdout or in the trace.

use common::say;
use std::thread;

fn main() {
    let mut args = std::env::args().skip(1).map(|arg| arg.parse::<usize>());
    let (Some(Ok(threads)), Some(Ok(lines)), None) = (args.next(), args.next(), args.next()) else {
        eprintln!("usage: say-stress <threads> <lines>");
        std::process::exit(2);
    };
    say!("stress start");
    let padding = "x".repeat(300);
    thread::scope(|scope| {
        for t in 0..threads {
            let padding = &padding;
            thread::Builder::new()
                .name(format!("stress {t}"))
                .spawn_scoped(scope, move || {
                    for i in 0..lines {
                        say!("stress {t} {i} {padding}");
                    }
                })
                .expect("spawn a stress thread");
        }
    });
    say!("stress end");
}
