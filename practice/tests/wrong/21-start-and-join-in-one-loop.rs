//! 잘못된 풀이(블라인드 리뷰): 자식마다 start하고 바로 join합니다(파이썬의
//! `p.start(); p.join()`). 매니저의 dict는 맞게 쓰지만 자식들이 하나씩 차례로 돕니다.
//! Wrong (from the blind review): each child is started and joined in the same loop (Python's
//! `p.start(); p.join()`): the manager's dict is right, but the children run one by one.
//! Named: never ran at the same time

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
