//! 연습 20의 풀이 — 공유 메모리의 `Array` 하나. 자식마다 같은 메모리의 핸들을 받아 자기 구간에만
//! 쓰므로, 쓰기끼리 겹치지 않습니다.
//!
//! Exercise 20, a solution: one `Array` in shared memory; each child gets a
//! handle to the same memory and writes only its own slice, so no write meets another.

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
    let mut ps: Vec<Process> = (0..children)
        .map(|k| Process::target(fill, (values.clone(), k, width)))
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
    common::init(); // 파이썬의 if __name__ == '__main__':
    say!("array: {}", Py(&fill_in_slices(3, 2)));
}
