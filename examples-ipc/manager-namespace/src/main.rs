//! 4. 프로세스 간 객체 교환, beyond the notes — `m.Namespace()`: attributes set by a child.
//!
//! 실행 / Run: `cargo run -p manager-namespace`
//! 눈여겨볼 점: 자식의 `ns.x = 10`은 부모에게 닿습니다. `ns.lst.append(1)`은 닿지 않습니다. `ns.lst`를
//! 읽으면 사본을 받고, 사본에 덧붙여도 매니저 안의 것은 그대로입니다(파이썬에서 잘 알려진 함정).
//! 바꾼 리스트를 `ns.lst = lst`로 다시 대입해야 `2`가 남습니다. 러스트에서는 사본이 훤히 보입니다.
//! `get`은 호출한 쪽이 소유하는 값을 돌려줍니다.
//! Notice: the child's `ns.x = 10` reaches the parent. Its `ns.lst.append(1)` does not: reading
//! `ns.lst` gives a copy, and appending to the copy changes nothing in the manager (Python's
//! well-known trap). Re-assigning the changed list, `ns.lst = lst`, is what keeps the `2`. In
//! Rust the copy is plain to see: `get` returns a value the caller owns.

use common::manager::{Manager, Namespace};
use common::process::Process;
use common::python::Py;
use common::say;

fn child(ns: Namespace) {
    ns.set("x", 10).expect("ns.x = 10");
    let mut copy: Vec<i32> = ns.get("lst").expect("ns.lst");
    copy.push(1); // 사본에 덧붙이고, 사본은 곧 버려짐 (ns.lst.append(1): appends to a copy, which is then dropped)
    let mut lst: Vec<i32> = ns.get("lst").expect("ns.lst");
    lst.push(2);
    ns.set("lst", lst).expect("ns.lst = lst"); // 다시 대입함: 매니저가 간직함 (re-assigned: the manager keeps it)
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    let m = Manager::start().expect("start the manager"); // 파이썬의 with Manager() as m:
    let ns = m.namespace().expect("m.Namespace()");
    ns.set("x", 0).expect("ns.x = 0");
    ns.set("lst", Vec::<i32>::new()).expect("ns.lst = []");
    let mut p = Process::target(child, ns.clone());
    p.start().expect("start the child");
    p.join();
    say!("ns.x = {}", ns.get::<i32>("x").expect("ns.x")); // 출력: 10
    say!(
        "ns.lst = {}",
        Py(&ns.get::<Vec<i32>>("lst").expect("ns.lst"))
    ); // 출력: [2]
}
