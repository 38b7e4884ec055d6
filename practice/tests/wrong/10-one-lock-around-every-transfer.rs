//! Wrong (from the second blind review): one global lock around every transfer, then the two
//! accounts' locks in any order: nothing can deadlock, and no two transfers ever run at once.
//! Named: one lock around every transfer

use common::say;
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

pub struct Account {
    pub id: u32,
    pub balance: Mutex<i64>,
}

/// Moves `amount` from `from` to `to`, holding both locks: nobody sees the money in neither.
pub fn transfer(from: &Account, to: &Account, amount: i64) {
    // One big lock around every transfer: only one transfer at a time, so no deadlock.
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _all = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
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
