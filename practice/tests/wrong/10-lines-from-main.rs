// The expected lines, printed by main without threads or locks.
use common::say;
fn main() {
    say!("moved 10 from a to b");
    say!("moved 20 from b to a");
    say!("both transfers done: a = 110, b = 90");
}
