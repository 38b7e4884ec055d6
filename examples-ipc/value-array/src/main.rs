//! 4. 프로세스 간 객체 교환 — 3) Value, Array: numbers in shared memory (notes §4).
//!
//! 실행 / Run: `cargo run -p value-array`
//! 눈여겨볼 점: 두 번째 자식이 쓴 `2.0`, 그리고 처음 그대로인 배열이 나옵니다. 자식마다 같은 공유
//! 메모리에서 모든 항목의 부호를 한 번씩 바꿨기 때문입니다. `process-pid`의 전역 변수와 달리 이 변화는
//! 부모에게 닿습니다. 메모리를 공유로 매핑했으므로, `fork` 자식은 그 매핑을 물려받고, `spawn`
//! 자식은 그 디스크립터를 받아 같은 메모리를 매핑합니다.
//! Notice: `2.0`, written by the second child, and the array as it began: each child negated every
//! item in the same shared memory, once each. Unlike the globals of `process-pid`, these changes
//! reach the parent: the memory is mapped shared; a `fork` child inherits the mapping, a `spawn`
//! child receives its descriptor and maps the same memory.

use common::process::Process;
use common::python::Py;
use common::say;
use common::shm::{Array, Value};

fn f(n: Value<f64>, a: Array<i32>, num: f64) {
    n.set(num);
    for i in 0..a.len() {
        // 파이썬의 `a[i] = -a[i]`처럼 읽고 나서 씁니다. 두 프로세스가 동시에 하면 서로 끼어들 수
        // 있지만, 여기서는 자식들이 하나씩 차례로 돕니다.
        // Like Python's `a[i] = -a[i]`: a read, then a write. Two processes doing it at once could
        // interleave; here the children run one after the other.
        a.set(i, -a.get(i));
    }
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    let num = Value::new(0.0).expect("create the shared value");
    let arr = Array::new(0..10).expect("create the shared array");

    // 복제본은 같은 메모리를 가리키는 또 하나의 핸들입니다. 파이썬도 자식마다 같은 `num`을 건넵니다.
    // A clone is another handle to the same memory: Python hands the same `num` to each child.
    let mut p1 = Process::target(f, (num.clone(), arr.clone(), 1.0));
    p1.start().expect("start p1");
    p1.join();
    let mut p2 = Process::target(f, (num.clone(), arr.clone(), 2.0));
    p2.start().expect("start p2");
    p2.join();

    say!("{}", Py(num.get())); // 출력: 2.0
    say!("{}", Py(&arr.to_vec())); // 출력: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
}
