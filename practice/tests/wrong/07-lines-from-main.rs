// The expected line, printed by main without a pool.
use common::say;
fn main() {
    say!("results: [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]");
}
