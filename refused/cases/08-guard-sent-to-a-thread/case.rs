// `lock.acquire()` in one thread and `lock.release()` in another, as Python allows.
use std::sync::Mutex;
use std::thread;

static ITEMS: Mutex<Vec<i32>> = Mutex::new(Vec::new());

fn main() {
    let guard = ITEMS.lock().unwrap();
    let t = thread::spawn(move || drop(guard));
    t.join().unwrap();
}
