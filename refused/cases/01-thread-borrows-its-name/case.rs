// 1.1 threading 모듈 사용하기, 파이썬 식으로 쓴 것: 스레드의 클로저가 `name`을 빌립니다.
// The notes' §1.1 (threading), written the Python way: the thread's closure borrows `name`.
use std::thread;

fn main() {
    for i in 0..5 {
        let name = format!("thread {i}");
        thread::spawn(|| {
            println!("sub thread start  {name}");
        });
    }
}
