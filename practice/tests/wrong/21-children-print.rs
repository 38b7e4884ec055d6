// Each child prints its own entry: the lines are right, but nothing reaches main.
use common::process::Process;
use common::{current_process, say};

fn record(_: ()) {
    let me = current_process();
    say!("{}: {}", me.name, me.pid);
}

pub fn record_pids(children: usize) -> Vec<(String, u32)> {
    let mut ps: Vec<Process> = (0..children).map(|_| Process::target(record, ())).collect();
    for p in &mut ps {
        p.start().expect("start a child");
    }
    for p in &mut ps {
        p.join();
    }
    Vec::new()
}

fn main() {
    common::init();
    record_pids(3);
}
