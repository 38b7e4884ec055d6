//! Wrong (from the second blind review): each child takes one shared Lock around writing its own
//! slice: the array is right, and the children write one after another for nothing.
//! Named: wrote its slice holding a Lock

use common::process::Process;
use common::python::Py;
use common::say;
use common::shm::{Array, Lock};

fn fill((values, lock): (Array<i32>, Lock), k: usize, width: usize) {
    let _guard = lock.acquire();
    for i in k * width..(k + 1) * width {
        values.set(i, std::process::id() as i32);
    }
    say!("child {k} wrote its slice");
}

pub fn fill_in_slices(children: usize, width: usize) -> Vec<i32> {
    let values = Array::new(vec![0; children * width]).expect("a shared array");
    let lock = Lock::new().expect("a lock");
    let mut ps: Vec<Process> = (0..children)
        .map(|k| Process::target(fill, ((values.clone(), lock.clone()), k, width)))
        .collect();
    for p in &mut ps {
        p.start().expect("start a child");
    }
    for p in &mut ps {
        p.join();
    }
    values.to_vec()
}

fn main() {
    common::init(); // if __name__ == '__main__':
    say!("array: {}", Py(&fill_in_slices(3, 2)));
}
