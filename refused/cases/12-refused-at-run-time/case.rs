// What this workspace refuses while the program runs, each with the message a reader sees.
use common::pool::Pool;
use common::process::{Process, StartMethod};

fn main() {
    // `start` twice: Python raises AssertionError ("cannot start a process twice").
    let mut p = Process::new(|| {});
    p.start().expect("the first start");
    p.join();
    println!("a second start: {}", p.start().unwrap_err());

    // A fork while another thread runs: the child would copy only this thread.
    let sleeper = std::thread::spawn(|| std::thread::sleep(std::time::Duration::from_millis(200)));
    let mut q = Process::new(|| {});
    println!("a start while a thread runs: {}", q.start().unwrap_err());
    sleeper.join().unwrap();

    // A closure under `spawn`: Python's PicklingError for a lambda sent to a spawned child.
    let mut r = Process::new(|| {}).start_method(StartMethod::Spawn);
    println!("a closure under spawn: {}", r.start().unwrap_err());

    // `Pool(0)`: Python raises ValueError("Number of processes must be at least 1").
    println!("Pool::new(0): {}", Pool::new(0).unwrap_err());
}
