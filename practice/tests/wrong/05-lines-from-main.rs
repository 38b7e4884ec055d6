// The expected lines, printed by the parent.
use common::say;
fn main() {
    say!("num in the child: 43");
    say!("num in the parent: 43");
}
