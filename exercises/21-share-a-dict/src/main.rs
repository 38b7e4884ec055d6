//! 연습 21 — 매니저로 dict 공유하기 (노트 너머: Manager())
//! Exercise 21 — share a dict through a manager (after the notes: Manager())
//!
//! 할 일: `record_pids(children)`에서 자식 프로세스 `children`개가 각자 자기 이름과 PID를 한 dict에
//! 적고, 함수는 그 항목을 이름순으로 돌려줍니다. `main`은 셋으로 불러서 항목마다 "Process-k: <pid>"를
//! 출력합니다. 지금은 아무것도 출력되지 않습니다. 자식마다 dict의 복사본을 받아서 고쳤기 때문입니다.
//! 모든 프로세스가 쓸 수 있는 매니저의 dict(`common::manager::Manager`)를 쓰세요.
//! Task: in `record_pids(children)`, `children` child processes each write their name and PID into
//! one dict, and the function returns its entries sorted by name; `main` calls it with three and
//! prints "Process-k: <pid>" for each. Today nothing is printed: each child got a copy of the dict
//! and changed that. Use a manager's dict (`common::manager::Manager`), which every process can
//! write.
//!
//! 확인 / Check: `cargo run -p practice -- check 21`

use common::process::Process;
use common::{current_process, say};
use std::collections::HashMap;

fn record(mut d: HashMap<String, u32>) {
    let me = current_process();
    d.insert(me.name, me.pid); // TODO: 자식 혼자 가진 복사본입니다 (this is the child's own copy)
}

pub fn record_pids(children: usize) -> Vec<(String, u32)> {
    // TODO: 모든 프로세스가 쓸 수 있는 dict, 즉 매니저의 dict.
    //       a dict that every process can write: a manager's.
    let d: HashMap<String, u32> = HashMap::new();
    let mut ps: Vec<Process> = (0..children)
        .map(|_| Process::target(record, d.clone()))
        .collect();
    for p in &mut ps {
        p.start().expect("start a child");
    }
    for p in &mut ps {
        p.join();
    }
    let mut entries: Vec<(String, u32)> = d.into_iter().collect();
    entries.sort();
    entries
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    for (name, pid) in record_pids(3) {
        say!("{name}: {pid}");
    }
}
