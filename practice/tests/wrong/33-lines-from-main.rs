//! Wrong: no child process; main prints the child's line and its own.

use common::say;

pub struct Worker {
    pub name: String,
}

pub fn start_worker(name: &str) {
    let w = Worker {
        name: name.to_owned(),
    };
    say!("{} works in SubProcess", w.name);
    say!("parent: {} finished", w.name);
}

fn main() {
    common::init(); // if __name__ == '__main__':
    start_worker("bob");
}
