//! A child that reads and writes shared memory a known number of times, for the harness's test
//! of the count each child writes into its `process_exit` (the exercise checker reads it to see
//! who did the work). The parent touches the value first: a forked child must not inherit that.

use common::process::Process;
use common::say;
use common::shm::{Array, Value};

fn work(value: Value<i32>, array: Array<i32>) {
    for _ in 0..10 {
        value.set(value.get() + 1); // 20
    }
    value.fetch_add(1); // 1
    array.set(0, array.get(1)); // 2
    let _ = array.to_vec(); // 3
}

fn idle() {}

fn main() {
    common::init();
    let value = Value::new(0).expect("a shared value");
    let array = Array::new([0, 0, 0]).expect("a shared array");
    for _ in 0..7 {
        value.set(value.get());
    }
    let mut idle = Process::target(idle, ()).name("idle");
    let mut worker = Process::target(work, (value.clone(), array)).name("worker");
    for child in [&mut idle, &mut worker] {
        child.start().expect("start a child");
        child.join();
    }
    say!("value: {}", value.get());
}
