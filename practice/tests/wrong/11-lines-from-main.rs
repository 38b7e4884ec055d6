// The expected lines, printed by main: nobody holds a fork.
use common::say;
fn main() {
    for _ in 0..3 {
        for p in 0..5 {
            say!("philosopher {p} eats");
        }
    }
    for p in 0..5 {
        say!("philosopher {p} ate 3 times");
    }
    say!("all philosophers ate");
}
