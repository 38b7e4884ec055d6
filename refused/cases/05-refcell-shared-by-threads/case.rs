// 두 스레드가 덧붙이는 리스트를 `Arc`로 나누고, 바꾸는 것은 `RefCell`로(잠금 없이).
// A list two threads append to, shared in an `Arc` with a `RefCell` for mutation (no lock).
use std::cell::RefCell;
use std::sync::Arc;
use std::thread;

fn main() {
    let items = Arc::new(RefCell::new(Vec::new()));
    let for_thread = Arc::clone(&items);
    let t = thread::spawn(move || for_thread.borrow_mut().push(1));
    items.borrow_mut().push(2);
    t.join().unwrap();
}
