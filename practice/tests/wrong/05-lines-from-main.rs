// The expected lines, printed by the parent; a function that returns them.
use common::say;
use std::sync::atomic::AtomicI32;
pub static NUM: AtomicI32 = AtomicI32::new(42);
pub fn num_after_the_child() -> i32 {
    say!("num in the child: 43");
    43
}
fn main() {
    say!("num in the parent: {}", num_after_the_child());
}
