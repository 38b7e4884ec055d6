//! 잘못된 풀이(블라인드 리뷰): 한 반복 안에서 스레드를 시작하고 바로 join합니다(파이썬의
//! `t.start(); t.join()`). 이름은 옮겨지지만 다섯 스레드가 하나씩 차례로 돕니다.
//! Wrong (from the blind review): each thread is started and joined in the same loop (Python's
//! `t.start(); t.join()`): the names move, but the five threads run one by one.
//! Named: never ran at the same time

use common::say;
use std::thread;

fn main() {
    for i in 0..5 {
        let name = format!("thread {i}");
        thread::spawn(move || {
            say!("hello from {name}");
        })
        .join()
        .expect("a thread panicked");
    }
}
