//! Wrong: the parent prints the greeting the child should have.

use common::process::{Process, StartMethod, set_start_method};
use common::say;
use std::sync::Mutex;

/// What the parent sets before it starts the child (Python: a global set under
/// `if __name__ == '__main__':`).
static GREETING: Mutex<String> = Mutex::new(String::new());

fn greet() {
    say!("child says: {}", GREETING.lock().expect("the greeting"));
}

pub fn greet_in_a_child(greeting: &str) {
    *GREETING.lock().expect("the greeting") = greeting.to_owned();
    let mut p = Process::target(greet, ()).name("Greeter");
    p.start().expect("start the child");
    p.join();
    say!("child says: {greeting}"); // printed by the parent
    say!("parent: the child has greeted");
}

fn main() {
    common::init(); // if __name__ == '__main__':
    set_start_method(StartMethod::Spawn).expect("the start method");
    greet_in_a_child("hello from main");
}
