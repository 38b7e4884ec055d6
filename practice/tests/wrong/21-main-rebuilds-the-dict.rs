//! Wrong (from the second blind review): the children write through the proxy, but main never
//! reads the dict: it rebuilds the entries from its own handles' names and PIDs.
//! Named: main never read the manager's dict
use common::manager::{DictProxy, Manager};
use common::process::Process;
use common::{current_process, say};

fn record(d: DictProxy<String, u32>) {
    let me = current_process();
    d.set(me.name, me.pid).expect("d[name] = pid");
}

pub fn record_pids(children: usize) -> Vec<(String, u32)> {
    let m = Manager::start().expect("start the manager");
    let d = m.dict::<String, u32>().expect("m.dict()");
    let mut ps: Vec<Process> = (0..children)
        .map(|_| Process::target(record, d.clone()))
        .collect();
    for p in &mut ps {
        p.start().expect("start a child");
    }
    for p in &mut ps {
        p.join();
    }
    // I already know every child's name and pid: no need to ask the manager.
    let mut entries: Vec<(String, u32)> = ps
        .iter()
        .map(|p| (p.get_name().to_string(), p.pid().expect("a pid")))
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
