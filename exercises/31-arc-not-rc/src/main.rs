//! 연습 31 — Rc가 아니라 Arc (러스트가 거부하는 것 — 04: Rc를 스레드로 옮기기)
//! Exercise 31 — Arc, not Rc (what Rust refuses — 04: an Rc moved into a thread)
//!
//! 할 일: `sum_in_threads(items, adders)`에서 스레드 `adders`개가 한 목록을 나눠 더합니다. 스레드
//! t는 t번째부터 `adders`칸씩 건너뛴 항목을 더해 "adder t: 부분합"을 출력하고, 그 합을 돌려줍니다.
//! 목록은 복사하지 않고 공유합니다. 파이썬에서는 객체를 그냥 공유하지만, 지금 코드는 컴파일되지
//! 않습니다. 컴파일러의 말을 읽고 고치세요. 검사기는 이 함수를 다른 목록으로도 부릅니다.
//! Task: in `sum_in_threads(items, adders)`, `adders` threads share the adding of one list:
//! thread t adds the items from the t-th on, `adders` apart, prints "adder t: <part>" and returns
//! its part. The list is shared, not copied. Python shares the object as it is; this code does not
//! compile. Read what the compiler says and fix it. The checker calls the function with other
//! lists too.
//!
//! 확인 / Check: `cargo run -p practice -- check 31`

use common::say;
use std::rc::Rc;
use std::thread;

pub fn sum_in_threads(items: Vec<u64>, adders: usize) -> u64 {
    let items = Rc::new(items);
    let handles: Vec<thread::JoinHandle<u64>> = (0..adders)
        .map(|t| {
            let items = Rc::clone(&items);
            thread::Builder::new()
                .name(format!("adder {t}"))
                .spawn(move || {
                    let part: u64 = items.iter().skip(t).step_by(adders).sum();
                    say!("adder {t}: {part}");
                    part
                })
                .expect("spawn an adder")
        })
        .collect();
    handles
        .into_iter()
        .map(|h| h.join().expect("an adder"))
        .sum()
}

fn main() {
    let total = sum_in_threads((1..=100).collect(), 4);
    say!("total: {total}");
}
