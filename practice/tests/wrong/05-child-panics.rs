// A child that panics (an index out of range): its panic, not a guess, is what the report names.
use common::process::Process;
use common::say;
use std::sync::atomic::{AtomicI32, Ordering};
pub static NUM: AtomicI32 = AtomicI32::new(42);
pub fn num_after_the_child() -> i32 {
    let mut child = Process::new(|| {
        let v: Vec<i32> = Vec::new();
        say!("num in the child: {}", v[3]);
    })
    .name("SubProcess");
    child.start().expect("start the child");
    child.join();
    NUM.load(Ordering::SeqCst)
}
fn main() {
    say!("num in the parent: {}", num_after_the_child());
}
