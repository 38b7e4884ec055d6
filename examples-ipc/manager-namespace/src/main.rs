//! 4. 프로세스 간 객체 교환, beyond the notes — `m.Namespace()`: attributes set by a child.
//!
//! Run: `cargo run -p manager-namespace`
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
    copy.push(1); // ns.lst.append(1): appends to a copy, which is then dropped
    let mut lst: Vec<i32> = ns.get("lst").expect("ns.lst");
    lst.push(2);
    ns.set("lst", lst).expect("ns.lst = lst"); // re-assigned: the manager keeps it
}

fn main() {
    common::init(); // if __name__ == '__main__':
    let m = Manager::start().expect("start the manager"); // with Manager() as m:
    let ns = m.namespace().expect("m.Namespace()");
    ns.set("x", 0).expect("ns.x = 0");
    ns.set("lst", Vec::<i32>::new()).expect("ns.lst = []");
    let mut p = Process::target(child, ns.clone());
    p.start().expect("start the child");
    p.join();
    say!("ns.x = {}", ns.get::<i32>("x").expect("ns.x")); // 10
    say!(
        "ns.lst = {}",
        Py(&ns.get::<Vec<i32>>("lst").expect("ns.lst"))
    ); // [2]
}
