//! 연습 10의 풀이 — 옮길 때마다 id가 작은 계좌를 먼저 잠급니다. 첫 잠금을 기다리는 스레드는
//! 아무것도 쥐고 있지 않으므로, 순환 대기가 생길 수 없습니다.
//!
//! Exercise 10, a solution: every transfer locks the account with the smaller id
//! first. A thread that waits for its first lock holds nothing, so no circle of waiting can form.

use common::say;
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

pub struct Account {
    pub id: u32,
    pub balance: Mutex<i64>,
}

/// 두 잠금을 쥔 채로 `from`에서 `to`로 `amount`를 옮깁니다. 돈이 어느 계좌에도 없는 순간을 아무도 못 봅니다.
/// Moves `amount` from `from` to `to`, holding both locks: nobody sees the money in neither.
pub fn transfer(from: &Account, to: &Account, amount: i64) {
    // id가 작은 계좌부터 잠급니다. 그러면 두 스레드가 잠금을 하나씩 쥐고 서로 상대 것을 기다릴 수 없습니다.
    // The account with the smaller id first: no two threads hold one lock each and want the other.
    let (mut from_balance, mut to_balance) = if from.id < to.id {
        let from_balance = from.balance.lock().expect("lock from");
        line_up();
        (from_balance, to.balance.lock().expect("lock to"))
    } else {
        let to_balance = to.balance.lock().expect("lock to");
        line_up();
        (from.balance.lock().expect("lock from"), to_balance)
    };
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

/// 처음 부른 둘은 둘 다 첫 잠금을 쥘 때까지(또는 200ms) 여기서 기다립니다. 교착이 생길 수
/// 있는 코드라면 여기서 실제로 생깁니다. 그 뒤에 부르는 쪽은 바로 지나갑니다.
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
