//! Wrong (from the third blind review): each child is started and joined in one loop, so the
//! children fill their slices one after another.
//! Named: never ran at the same time

use common::process::Process;
use common::python::Py;
use common::say;
use common::shm::Array;

fn fill(values: Array<i32>, k: usize, width: usize) {
    for i in k * width..(k + 1) * width {
        values.set(i, std::process::id() as i32);
    }
    say!("child {k} wrote its slice");
}

pub fn fill_in_slices(children: usize, width: usize) -> Vec<i32> {
    let values = Array::new(vec![0; children * width]).expect("a shared array");
    for k in 0..children {
        let mut p = Process::target(fill, (values.clone(), k, width));
        p.start().expect("start a child");
        p.join();
    }
    values.to_vec()
}

fn main() {
    common::init();
    say!("array: {}", Py(&fill_in_slices(3, 2)));
}
