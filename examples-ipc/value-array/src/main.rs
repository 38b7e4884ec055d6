//! 4. 프로세스 간 객체 교환 — 3) Value, Array: numbers in shared memory (notes §4).
//!
//! Run: `cargo run -p value-array`
//! Notice: `2.0`, written by the second child, and the array as it began: each child negated every
//! item in the same shared memory, once each. Unlike the globals of `process-pid`, these changes
//! reach the parent: the segment is mapped shared, and `fork` keeps it shared.

use common::process::Process;
use common::python::Py;
use common::say;
use common::shm::{Array, Value};
use std::rc::Rc;

fn f(n: &Value<f64>, a: &Array<i32>, num: f64) {
    n.set(num);
    for i in 0..a.len() {
        // Like Python's `a[i] = -a[i]`: a read, then a write. Two processes doing it at once could
        // interleave; here the children run one after the other.
        a.set(i, -a.get(i));
    }
}

fn main() {
    // `Rc`: the parent and each child's target hold the same segment. (The child gets its copy of
    // the `Rc` by `fork`; what makes the numbers shared is the mapping, not the `Rc`.)
    let num = Rc::new(Value::new(0.0).expect("create the shared value"));
    let arr = Rc::new(Array::new(0..10).expect("create the shared array"));

    let (n, a) = (Rc::clone(&num), Rc::clone(&arr));
    let mut p1 = Process::new(move || f(&n, &a, 1.0));
    p1.start().expect("start p1");
    p1.join();
    let (n, a) = (Rc::clone(&num), Rc::clone(&arr));
    let mut p2 = Process::new(move || f(&n, &a, 2.0));
    p2.start().expect("start p2");
    p2.join();

    say!("{}", Py(num.get())); // 2.0
    say!("{}", Py(&arr.to_vec())); // [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
}
