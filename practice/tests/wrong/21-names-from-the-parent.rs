//! Wrong: a manager started and left unused; the parent lists its children's names and PIDs
//! itself, and the children write nothing.

use common::manager::Manager;
use common::process::Process;
use common::say;

fn idle() {}

pub fn record_pids(children: usize) -> Vec<(String, u32)> {
    let _m = Manager::start().expect("start the manager");
    let mut ps: Vec<Process> = (0..children).map(|_| Process::target(idle, ())).collect();
    for p in &mut ps {
        p.start().expect("start a child");
    }
    for p in &mut ps {
        p.join();
    }
    let mut entries: Vec<(String, u32)> = ps
        .iter()
        .map(|p| (p.get_name().to_owned(), p.pid().expect("a PID")))
        .collect();
    entries.sort();
    entries
}

fn main() {
    common::init(); // if __name__ == '__main__':
    for (name, pid) in record_pids(3) {
        say!("{name}: {pid}");
    }
}
