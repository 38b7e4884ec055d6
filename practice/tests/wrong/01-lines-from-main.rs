// The expected lines, printed by main without any thread.
use common::say;
fn main() {
    say!("main thread start");
    for i in 0..5 {
        say!("sub thread start  thread {i}");
    }
    say!("main thread end");
    for i in 0..5 {
        say!("sub thread end  thread {i}");
    }
}
