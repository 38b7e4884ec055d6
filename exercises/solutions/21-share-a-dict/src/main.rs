//! 연습 21의 풀이 — 매니저의 dict. 자식마다 그 프록시를 받습니다.
//!
//! Exercise 21, a solution: a manager's dict; each child gets a proxy of it.

use common::manager::{DictProxy, Manager};
use common::process::Process;
use common::{current_process, say};

fn record(d: DictProxy<String, u32>) {
    let me = current_process();
    d.set(me.name, me.pid).expect("d[name] = pid"); // 매니저에게 보내는 요청 (a request to the manager)
}

pub fn record_pids(children: usize) -> Vec<(String, u32)> {
    let m = Manager::start().expect("start the manager"); // 파이썬의 with Manager() as m:
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
    let mut entries = d.items().expect("d.items()");
    entries.sort();
    entries
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    for (name, pid) in record_pids(3) {
        say!("{name}: {pid}");
    }
}
