// The expected lines, without a child at all.
use common::say;
fn main() {
    say!("Main Process start");
    say!("Main Process end");
}
