// 파이썬 객체를 나눠 쓰듯, 공유 리스트를 `Rc`에 담아 스레드에 넘깁니다.
// A shared list handed to a thread in an `Rc`, as a Python object would be shared.
use std::rc::Rc;
use std::thread;

fn main() {
    let items = Rc::new(vec![1, 2, 3]);
    let for_thread = Rc::clone(&items);
    let t = thread::spawn(move || println!("{}", for_thread.len()));
    t.join().unwrap();
}
