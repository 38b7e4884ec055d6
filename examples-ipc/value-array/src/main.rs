//! 4. 프로세스 간 객체 교환 — 3) Value, Array: numbers in shared memory (notes §4).
//!
//! Run: `cargo run -p value-array`
//! Notice: `2.0`, written by the second child, and the array as it began: each child negated every
//! item in the same shared memory, once each. Unlike the globals of `process-pid`, these changes
//! reach the parent: the memory is mapped shared; a `fork` child inherits the mapping, a `spawn`
//! child receives its descriptor and maps the same memory.

use common::process::Process;
use common::python::Py;
use common::say;
use common::shm::{Array, Value};

fn f(n: Value<f64>, a: Array<i32>, num: f64) {
    n.set(num);
    for i in 0..a.len() {
        // Like Python's `a[i] = -a[i]`: a read, then a write. Two processes doing it at once could
        // interleave; here the children run one after the other.
        a.set(i, -a.get(i));
    }
}

fn main() {
    common::init(); // if __name__ == '__main__':
    let num = Value::new(0.0).expect("create the shared value");
    let arr = Array::new(0..10).expect("create the shared array");

    // A clone is another handle to the same memory: Python hands the same `num` to each child.
    let mut p1 = Process::target(f, (num.clone(), arr.clone(), 1.0));
    p1.start().expect("start p1");
    p1.join();
    let mut p2 = Process::target(f, (num.clone(), arr.clone(), 2.0));
    p2.start().expect("start p2");
    p2.join();

    say!("{}", Py(num.get())); // 2.0
    say!("{}", Py(&arr.to_vec())); // [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
}
