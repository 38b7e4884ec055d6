//! Wrong: main prints the lines a pool of retiring workers would print, and does the tasks
//! itself; no worker, no `maxtasksperchild`.

use common::python::Py;
use common::say;

pub fn with_fresh_workers(work: fn(u64) -> u64, xs: Vec<u64>, most: usize) -> Vec<u64> {
    let _ = most;
    xs.into_iter().map(work).collect() // in main, one after another
}

fn main() {
    common::init(); // if __name__ == '__main__':
    for i in 0..8 {
        say!("ForkPoolWorker-{} holds {} items", i / 2 + 1, i % 2 + 1);
    }
    let squares = with_fresh_workers(|x| x * x, (1..=8).collect(), 2);
    say!("squares: {}", Py(&squares));
}
