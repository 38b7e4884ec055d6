// The child prints its value; the parent does the same sum itself instead of receiving it.
use common::process::Process;
use common::say;
use std::sync::atomic::{AtomicI32, Ordering};
pub static NUM: AtomicI32 = AtomicI32::new(42);
pub fn num_after_the_child() -> i32 {
    let mut child = Process::new(|| {
        let num = NUM.fetch_add(1, Ordering::SeqCst) + 1;
        say!("num in the child: {num}");
    })
    .name("SubProcess");
    child.start().expect("start the child");
    child.join();
    NUM.load(Ordering::SeqCst) + 1
}
fn main() {
    say!("num in the parent: {}", num_after_the_child());
}
