//! 연습 10 — 두 잠금을 반대 순서로: 교착 상태 풀기 (노트 너머: 공유 상태)
//! Exercise 10 — two locks taken in opposite orders: fix the deadlock (after the notes: shared state)
//!
//! 할 일: 두 스레드가 `transfer`로 계좌 두 개 사이에 돈을 옮긴 뒤 "both transfers done"이 출력되게
//! 하세요. 지금 `transfer`는 보내는 계좌를 먼저 잠가서, a→b와 b→a가 동시에 돌면 둘이 서로를 영원히
//! 기다립니다. `line_up`은 처음 두 번 호출될 때 둘이 첫 잠금을 쥘 때까지 기다려서 교착 상태가 반드시
//! 일어나게 합니다(바꾸지 마세요). 검사기는 `transfer`를 여러 스레드에서 수천 번 부릅니다.
//! Task: two threads move money between two accounts with `transfer`, then "both transfers done"
//! prints. Today `transfer` locks the sending account first, so a→b and b→a at once wait for each
//! other forever. `line_up` makes its first two callers both take their first lock before either
//! goes on, so the deadlock always happens (leave it as is). The checker calls `transfer` thousands
//! of times from several threads.
//!
//! 확인 / Check: `cargo run -p practice -- check 10`

use common::say;
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

pub struct Account {
    pub id: u32,
    pub balance: Mutex<i64>,
}

/// 두 잠금을 쥔 채로 `from`에서 `to`로 `amount`를 옮깁니다. 돈이 어느 계좌에도 없는 중간 상태는 누구도 볼 수 없습니다.
/// Moves `amount` from `from` to `to`, holding both locks: nobody sees the money in neither.
pub fn transfer(from: &Account, to: &Account, amount: i64) {
    // TODO: 돈이 어느 쪽으로 가든, 모든 스레드가 같은 순서로 잠금을 잡아야 합니다.
    //       every thread must take the locks in the same order, whichever way the money goes.
    let mut from_balance = from.balance.lock().expect("lock from");
    line_up();
    let mut to_balance = to.balance.lock().expect("lock to");
    *from_balance -= amount;
    *to_balance += amount;
}

fn main() {
    let a = Account {
        id: 1,
        balance: Mutex::new(100),
    };
    let b = Account {
        id: 2,
        balance: Mutex::new(100),
    };
    thread::scope(|scope| {
        scope.spawn(|| {
            transfer(&a, &b, 10);
            say!("moved 10 from a to b");
        });
        scope.spawn(|| {
            transfer(&b, &a, 20);
            say!("moved 20 from b to a");
        });
    });
    let (a, b) = (
        a.balance.into_inner().expect("a"),
        b.balance.into_inner().expect("b"),
    );
    say!("both transfers done: a = {a}, b = {b}");
}

/// 처음 호출한 두 스레드는 둘 다 첫 잠금을 쥘 때까지(또는 200ms) 여기서 기다립니다. 교착 상태가
/// 생길 수 있는 코드라면 여기서 실제로 생깁니다. 그 뒤에 호출하는 쪽은 바로 지나갑니다.
/// The first two callers wait here until both hold their first lock, or 200 ms: it lines up the
/// deadlock, if there is one to line up. Later callers pass at once.
fn line_up() {
    static ARRIVED: Mutex<usize> = Mutex::new(0);
    static BOTH_THERE: Condvar = Condvar::new();
    let mut arrived = ARRIVED.lock().expect("arrived");
    if *arrived >= 2 {
        return;
    }
    *arrived += 1;
    BOTH_THERE.notify_all();
    let _ = BOTH_THERE
        .wait_timeout_while(arrived, Duration::from_millis(200), |n| *n < 2)
        .expect("wait");
}
