//! Wrong: the children only print; the parent fills each slice with its child's PID, no shared memory.

use common::process::Process;
use common::python::Py;
use common::say;

fn print(k: usize) {
    say!("child {k} wrote its slice");
}

pub fn fill_in_slices(children: usize, width: usize) -> Vec<i32> {
    let mut ps: Vec<Process> = (0..children).map(|k| Process::target(print, k)).collect();
    let mut values = Vec::new();
    for p in &mut ps {
        p.start().expect("start a child");
        let pid = p.pid().expect("a started child has a PID") as i32;
        values.extend(std::iter::repeat_n(pid, width));
    }
    for p in &mut ps {
        p.join();
    }
    values
}

fn main() {
    common::init(); // if __name__ == '__main__':
    say!("array: {}", Py(&fill_in_slices(3, 2)));
}
