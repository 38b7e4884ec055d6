//! A child that uses shared state a known number of times (shared memory, a manager's dict), for
//! the harness's test of the count each child writes into its `process_exit` (the exercise
//! checker reads it to see who did the work). The parent touches the value first: a forked child
//! must not inherit that.

use common::manager::{DictProxy, Manager};
use common::process::Process;
use common::say;
use common::shm::{Array, Value};

fn work(value: Value<i32>, array: Array<i32>, dict: DictProxy<String, i32>) {
    for _ in 0..10 {
        value.set(value.get() + 1); // 20
    }
    value.fetch_add(1); // 1
    array.set(0, array.get(1)); // 2
    let _ = array.to_vec(); // 3
    dict.set("worker".to_owned(), 1).expect("d['worker'] = 1"); // 1
}

fn idle() {}

fn main() {
    common::init();
    let value = Value::new(0).expect("a shared value");
    let array = Array::new([0, 0, 0]).expect("a shared array");
    let manager = Manager::start().expect("start the manager");
    let dict = manager.dict::<String, i32>().expect("m.dict()");
    for _ in 0..7 {
        value.set(value.get());
    }
    let mut idle = Process::target(idle, ()).name("idle");
    let mut worker = Process::target(work, (value.clone(), array, dict.clone())).name("worker");
    for child in [&mut idle, &mut worker] {
        child.start().expect("start a child");
        child.join();
    }
    say!("value: {}", value.get());
    say!("dict: {:?}", dict.items().expect("d.items()"));
}
