//! 잘못된 풀이(세 번째 블라인드 리뷰): 자식은 d.len()으로 들여다보기만 하고, 부모가 핸들의 이름과 PID로 딕셔너리를 채웁니다.
//! Wrong (from the third blind review): the children only look (d.len()); the parent fills the
//! dict from its handles' names and PIDs.
//! Named: never wrote to the manager's dict
use common::manager::{DictProxy, Manager};
use common::process::Process;
use common::{current_process, say};

fn record(d: DictProxy<String, u32>) {
    let me = current_process();
    let _ = (me.name, me.pid, d.len());
}

pub fn record_pids(children: usize) -> Vec<(String, u32)> {
    let manager = Manager::start().expect("a manager");
    let d = manager.dict::<String, u32>().expect("a dict");
    let mut ps: Vec<Process> = (0..children)
        .map(|_| Process::target(record, d.clone()))
        .collect();
    for p in &mut ps {
        p.start().expect("start a child");
    }
    for p in &mut ps {
        p.join();
        d.set(p.get_name().to_owned(), p.pid().expect("a pid")).expect("set");
    }
    let mut entries: Vec<(String, u32)> = d.items().expect("items");
    entries.sort();
    entries
}

fn main() {
    common::init();
    for (name, pid) in record_pids(3) {
        say!("{name}: {pid}");
    }
}
