//! 잘못된 풀이: 두 번째 계좌를 try_lock으로 잡아 보고, 안 되면 첫 잠금을 놓고 쉬지 않고 다시 합니다(스핀).
//! Wrong: try_lock the second account; if it is taken, let go of the first and retry at once
//! (a spin).
//! Named: try_lock
use common::say;
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

pub struct Account {
    pub id: u32,
    pub balance: Mutex<i64>,
}

pub fn transfer(from: &Account, to: &Account, amount: i64) {
    let mut first_try = true;
    loop {
        let mut from_balance = from.balance.lock().expect("lock from");
        if first_try {
            line_up();
            first_try = false;
        }
        if let Ok(mut to_balance) = to.balance.try_lock() {
            *from_balance -= amount;
            *to_balance += amount;
            return;
        }
        drop(from_balance);
        std::hint::spin_loop();
    }
}

fn main() {
    let a = Account { id: 1, balance: Mutex::new(100) };
    let b = Account { id: 2, balance: Mutex::new(100) };
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
