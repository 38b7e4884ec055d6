// 파이썬 스레드가 결과를 객체에 남겨 main이 읽게 하듯, 스레드가 자기 값의 참조를 돌려줍니다.
// A thread that returns a reference to a value of its own, as a Python thread would leave a result
// in an object for main to read.
use std::thread;

fn main() {
    let t = thread::spawn(|| {
        let result = vec![1, 4, 9, 16];
        &result
    });
    println!("{:?}", t.join().unwrap());
}
