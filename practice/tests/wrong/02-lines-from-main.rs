// The expected lines, printed by main.
use common::say;
fn main() {
    for i in 0..5 {
        say!("hello from thread {i}");
    }
}
