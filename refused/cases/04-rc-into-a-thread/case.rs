// A shared list handed to a thread in an `Rc`, as a Python object would be shared.
use std::rc::Rc;
use std::thread;

fn main() {
    let items = Rc::new(vec![1, 2, 3]);
    let for_thread = Rc::clone(&items);
    let t = thread::spawn(move || println!("{}", for_thread.len()));
    t.join().unwrap();
}
