// 파이썬처럼 쓴 race-counter: 두 스레드가 각각 `counter += 1`을 백만 번 합니다.
// race-counter as in Python: two threads each do `counter += 1` a million times.
use std::thread;

fn main() {
    let mut counter: u64 = 0;
    thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                for _ in 0..1_000_000 {
                    counter += 1;
                }
            });
        }
    });
    println!("without a lock: {counter}");
}
