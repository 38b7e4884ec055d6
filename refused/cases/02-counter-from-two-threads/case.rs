// 두 스레드가 바꾸는 카운터, 파이썬 식으로: 둘 다 캡처한 지역 변수에 `counter += 1`.
// A counter that two threads change, the Python way: `counter += 1` on a local they both capture.
use std::thread;

fn main() {
    let mut counter = 0;
    let t1 = thread::spawn(|| counter += 1);
    let t2 = thread::spawn(|| counter += 1);
    t1.join().unwrap();
    t2.join().unwrap();
    println!("{counter}");
}
