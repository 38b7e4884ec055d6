// 1.1 threading 모듈 사용하기, written the Python way: the thread's closure borrows `name`.
use std::thread;

fn main() {
    for i in 0..5 {
        let name = format!("thread {i}");
        thread::spawn(|| {
            println!("sub thread start  {name}");
        });
    }
}
