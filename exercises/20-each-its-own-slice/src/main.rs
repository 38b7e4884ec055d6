//! 연습 20 — 자식마다 자기 구간 (프로세스 간 객체 교환 — Array)
//! Exercise 20 — each its own slice (exchanging objects between processes: an Array)
//!
//! 할 일: `fill_in_slices(children, width)`에서 자식 프로세스 `children`개가 길이
//! `children * width`인 배열을 함께 채웁니다. 자식 k는 k번째 구간(`k * width`부터 `width`칸)에
//! 자기 PID를 쓰고 "child k wrote its slice"를 출력합니다. 부모는 자식을 모두 기다린 뒤 배열을
//! 돌려주고, main이 "array: [...]"로 출력합니다. 구간이 겹치지 않으므로 잠금은 필요 없습니다.
//! 지금은 자식마다 배열의 복사본에 써서 부모의 배열은 0뿐입니다. `common::shm::Array`(파이썬의
//! `multiprocessing.Array`)를 쓰세요. 검사기는 이 함수를 다른 값으로도 부릅니다.
//! Task: in `fill_in_slices(children, width)`, `children` child processes fill one array of
//! `children * width` items together: child k writes its PID into the k-th slice (`width` items
//! from `k * width`) and prints "child k wrote its slice". The parent waits for them all and
//! returns the array; main prints it as "array: [...]". The slices do not overlap, so no lock is
//! needed. Today each child writes to its own copy, and the parent's array stays all 0. Use
//! `common::shm::Array` (Python's `multiprocessing.Array`). The checker calls the function with
//! other numbers too.
//!
//! 확인 / Check: `cargo run -p practice -- check 20`

use common::process::Process;
use common::python::Py;
use common::say;

pub fn fill_in_slices(children: usize, width: usize) -> Vec<i32> {
    // TODO: 자식마다 복사하는 리스트가 아니라, 자식들이 함께 쓰는 메모리.
    //       memory the children share, not a list each child copies.
    let values = vec![0; children * width];
    let mut ps: Vec<Process> = (0..children)
        .map(|k| {
            let mut values = values.clone();
            Process::new(move || {
                for i in k * width..(k + 1) * width {
                    values[i] = std::process::id() as i32;
                }
                say!("child {k} wrote its slice");
            })
        })
        .collect();
    for p in &mut ps {
        p.start().expect("start a child");
    }
    for p in &mut ps {
        p.join();
    }
    values
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    say!("array: {}", Py(&fill_in_slices(3, 2)));
}
