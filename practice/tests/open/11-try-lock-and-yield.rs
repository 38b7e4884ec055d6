//! 잘못된 풀이(세 번째 블라인드 리뷰): 둘째 포크를 try_lock으로 잡아 보고, 안 되면 첫 포크를 놓고 yield한 뒤 다시 합니다.
//! 포크 순서를 정하지 않고, 기다리는 동안 CPU를 태웁니다.
//! Wrong (from the third blind review): try_lock the second fork; if it is taken, let go of the
//! first, yield and retry: no order of forks, and the wait burns CPU.
//! Named: Take the forks in a fixed order
//! 연습 11 — 식사하는 철학자 (노트 너머: 공유 상태)
//! Exercise 11 — the dining philosophers (after the notes: shared state)
//!
//! 할 일: 철학자 다섯이 둥근 식탁에 앉아 양옆의 포크 두 개로 세 번씩 먹고 "all philosophers ate"가
//! 출력되게 하세요. 지금은 모두가 왼쪽 포크를 먼저 쥐어서, 다섯이 동시에 왼쪽을 쥐면 아무도 오른쪽을 얻지
//! 못합니다. `at_the_table`은 모두가 첫 포크를 쥔 채 모이면 그 상황을 언제나 만듭니다(바꾸지 마세요).
//! 검사기는 `dine`을 다른 인원과 끼니 수로, 스레드를 아무 때나 잠깐씩 멈춰 가며 부릅니다.
//! Task: five philosophers at a round table each eat three times with the two forks beside them,
//! then "all philosophers ate" prints. Today each takes the left fork first: when all five hold
//! their left, nobody gets a right. `at_the_table` makes that happen every time (leave it as is).
//! The checker calls `dine` with other numbers, stopping the threads at random moments.
//!
//! 확인 / Check: `cargo run -p practice -- check 11`

use common::say;
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

/// 포크 `philosophers`개가 놓인 식탁에 둘러앉은 철학자 `philosophers`명. 철학자마다 스레드 하나가 `meals`번 먹습니다.
/// `philosophers` around as many forks, each a thread that eats `meals` times.
pub fn dine(philosophers: usize, meals: usize) {
    let forks: Vec<Mutex<()>> = (0..philosophers).map(|_| Mutex::new(())).collect();
    let holding = (Mutex::new(0), Condvar::new());
    thread::scope(|scope| {
        for p in 0..philosophers {
            let (forks, holding) = (&forks, &holding);
            scope.spawn(move || {
                let (left, right) = (p, (p + 1) % philosophers);
                // TODO: 모든 철학자가 왼쪽 포크부터 잡으면, 모두가 영원히 기다릴 수 있습니다.
                //       with every philosopher taking the left fork first, all can wait forever.
                let (first, second) = (left, right);
                for meal in 0..meals {
                    let mut seated = meal != 0;
                    loop {
                        let _first = forks[first].lock().expect("a fork");
                        if !seated {
                            at_the_table(holding, philosophers);
                            seated = true;
                        }
                        if let Ok(_second) = forks[second].try_lock() {
                            say!("philosopher {p} eats");
                            break;
                        }
                        drop(_first);
                        thread::yield_now();
                    }
                }
                say!("philosopher {p} ate {meals} times");
            });
        }
    });
}

fn main() {
    dine(5, 3);
    say!("all philosophers ate");
}

/// 모두 첫 포크를 쥘 때까지(또는 200ms) 기다립니다. 교착이 생길 수 있는 코드라면
/// 여기서 실제로 생깁니다.
/// Waits until all hold their first fork, or 200 ms: it lines up the deadlock, if there is one
/// to line up.
fn at_the_table(holding: &(Mutex<usize>, Condvar), philosophers: usize) {
    let (count, all_there) = holding;
    let mut count = count.lock().expect("count");
    *count += 1;
    all_there.notify_all();
    let _ = all_there
        .wait_timeout_while(count, Duration::from_millis(200), |n| *n < philosophers)
        .expect("wait");
}
