// 파이썬이 허락하듯, 한 스레드에서 `lock.acquire()`를 하고 다른 스레드에서 `lock.release()`를 합니다.
// `lock.acquire()` in one thread and `lock.release()` in another, as Python allows.
use std::sync::Mutex;
use std::thread;

static ITEMS: Mutex<Vec<i32>> = Mutex::new(Vec::new());

fn main() {
    let guard = ITEMS.lock().unwrap();
    let t = thread::spawn(move || drop(guard));
    t.join().unwrap();
}
