//! 4. 프로세스 간 객체 교환, beyond the notes — `Manager()`: a dict and a list in a server process.
//!
//! 실행 / Run: `cargo run -p manager-dict`
//! 눈여겨볼 점: 프로세스 넷이 각각 dict 하나와 list 하나에 쓰는데, 둘 다 다섯 번째 프로세스인
//! 매니저 안에 있습니다(그 PID를 출력합니다). main은 모든 항목을 봅니다. 자식마다 쥔 것은 사본이 아니라
//! 매니저로 이어지는 연결인 프록시입니다. `with` 블록이 끝나면(여기서는 매니저를 버리면) 매니저
//! 프로세스는 사라집니다.
//! Notice: four processes each write into one dict and one list that live in a fifth, the
//! manager (its PID is printed): main sees every entry. Each child holds proxies, connections to
//! the manager, not copies. When the `with` block ends (here: the manager is dropped), the manager
//! process is gone.

use common::manager::{DictProxy, ListProxy, Manager};
use common::process::Process;
use common::python::Py;
use common::say;

fn work(d: DictProxy<u32, String>, l: ListProxy<u32>, i: u32) {
    d.set(i, format!("from process {i}")).expect("d[i] = ..."); // 매니저에게 보내는 요청 (a request to the manager)
    l.append(i).expect("l.append(i)");
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    let m = Manager::start().expect("start the manager"); // 파이썬의 with Manager() as m:
    let pid = m.pid().expect("the manager runs");
    say!("manager pid: {pid}");
    let d = m.dict::<u32, String>().expect("m.dict()");
    let l = m.list::<u32>().expect("m.list()");
    let mut ps: Vec<Process> = (0..4)
        .map(|i| Process::target(work, (d.clone(), l.clone(), i)))
        .collect();
    for p in &mut ps {
        p.start().expect("start a process");
    }
    for p in &mut ps {
        p.join();
    }
    let mut items = d.items().expect("d.items()");
    items.sort();
    let shown: Vec<String> = items.iter().map(|(k, v)| format!("{k}: '{v}'")).collect();
    say!("{{{}}}", shown.join(", ")); // 파이썬의 dict(sorted(d.items()))
    let mut list = l.to_vec().expect("list(l)");
    list.sort();
    say!("{}", Py(&list));
    drop(m); // `with` 블록의 끝: m.shutdown() (the end of the `with` block: m.shutdown())
    let gone = !std::path::Path::new(&format!("/proc/{pid}")).exists();
    say!("after the with block, the manager is gone: {}", Py(gone));
}
