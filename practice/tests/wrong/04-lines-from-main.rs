// The expected lines, printed by main.
use common::say;
fn main() {
    for p in 0..3 {
        for i in 0..5 {
            say!("got message {i} from producer {p}");
        }
    }
    say!("consumer done: 15 messages");
}
