// 실행 중에 이 워크스페이스가 거절하는 것과, 그때마다 읽는 사람이 보는 메시지.
// What this workspace refuses while the program runs, each with the message a reader sees.
use common::pool::Pool;
use common::process::{Process, StartMethod};

fn main() {
    // `start`를 두 번: 파이썬은 AssertionError("cannot start a process twice")를 냅니다.
    // `start` twice: Python raises AssertionError ("cannot start a process twice").
    let mut p = Process::new(|| {});
    p.start().expect("the first start");
    p.join();
    println!("a second start: {}", p.start().unwrap_err());

    // 다른 스레드가 도는 동안의 fork: 자식에는 이 스레드만 복사됩니다.
    // A fork while another thread runs: the child would copy only this thread.
    let sleeper = std::thread::spawn(|| std::thread::sleep(std::time::Duration::from_millis(200)));
    let mut q = Process::new(|| {});
    println!("a start while a thread runs: {}", q.start().unwrap_err());
    sleeper.join().unwrap();

    // `spawn`과 클로저: spawn으로 시작한 자식에게 람다를 보내면 파이썬은 PicklingError를 냅니다.
    // A closure under `spawn`: Python's PicklingError for a lambda sent to a spawned child.
    let mut r = Process::new(|| {}).start_method(StartMethod::Spawn);
    println!("a closure under spawn: {}", r.start().unwrap_err());

    // `Pool(0)`: 파이썬은 ValueError("Number of processes must be at least 1")를 냅니다.
    // `Pool(0)`: Python raises ValueError("Number of processes must be at least 1").
    println!("Pool::new(0): {}", Pool::new(0).unwrap_err());
}
