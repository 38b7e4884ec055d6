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
