// The right lines without a shared dict: main prints each child's PID from its `Process` handle.
use common::process::Process;
use common::say;

pub fn record_pids(children: usize) -> Vec<(String, u32)> {
    let mut ps: Vec<Process> = (0..children).map(|_| Process::target(|| {}, ())).collect();
    for p in &mut ps {
        p.start().expect("start a child");
    }
    for p in &mut ps {
        p.join();
    }
    let mut entries: Vec<(String, u32)> = ps
        .iter()
        .map(|p| (p.get_name().to_owned(), p.pid().expect("started")))
        .collect();
    entries.sort();
    entries
}

fn main() {
    common::init();
    for (name, pid) in record_pids(3) {
        say!("{name}: {pid}");
    }
}
