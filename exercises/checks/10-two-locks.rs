//! 검사기가 연습 10의 `transfer`를 여러 스레드에서 수천 번씩, 무작위로 고른 두 계좌 사이에서
//! 양쪽 방향으로 부릅니다. 그동안 감사 스레드가 잔액을 모두 더해 보고, 옮기는 스레드는 아무 때나
//! 멈춥니다(`interrupt_threads`). 교착이 생길 수 있는 잠금 순서는 여기서 멈추고, 두 잠금을 함께
//! 쥐지 않는 옮기기는 감사에게 틀린 합을 보입니다. 끝으로 검사기가 계좌 하나의 잠금을 쥐고 그
//! 계좌에서 옮기는 일을 세워 둔 채, 다른 두 계좌 사이의 옮기기가 기다리지 않고 끝나는지 봅니다(모든
//! 옮기기를 잠금 하나로 감싸면 기다림).
//!
//! The checker calls exercise 10's `transfer` from several threads, thousands of times each,
//! between accounts picked at random in both directions, while an auditor adds up all the
//! balances, with the movers stopped at random moments (`interrupt_threads`): a lock order that
//! can deadlock hangs here, and a transfer that does not hold both locks at once shows the
//! auditor a total that is off. Last, the checker holds one account's lock, with a transfer from
//! that account waiting on it, and sees whether a transfer between two other accounts is done
//! without waiting (one lock around every transfer makes it wait).

#[allow(dead_code)]
#[path = "../10-two-locks/src/main.rs"]
mod learner;

use check_protocol::{Found, Waited, report};

use learner::{Account, transfer};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// 모든 잠금을 쥔 채 읽은 잔액의 합. 잠금은 `try_lock`으로 잡으므로, `transfer`가 어떤 순서로
/// 잠그든 감사 스레드는 교착에 끼지 않음. 잠금 하나라도 누가 쥐고 있었으면 `None`.
/// The sum of all balances, read while holding every lock (taken with `try_lock`, so that the
/// auditor never takes part in a deadlock whatever order `transfer` uses); `None` if one was busy.
fn audit(accounts: &[Account]) -> Option<i64> {
    let held: Vec<_> = accounts.iter().map(|a| a.balance.try_lock().ok()).collect();
    held.iter()
        .map(|balance| balance.as_ref().map(|b| **b))
        .sum()
}

/// 옮기는 스레드 `t`의 `step`번째 옮기기: 무작위로 고른 두 계좌 사이에서, 양쪽 방향으로.
/// Mover `t`'s transfer number `step`: between accounts picked at random, both ways.
fn move_money(accounts: &[Account], t: u64, step: u64) {
    let count = accounts.len();
    let mut random = (0x9E37_79B9_7F4A_7C15 ^ (t << 32) ^ step) | 1;
    for _ in 0..3 {
        random ^= random << 13;
        random ^= random >> 7;
        random ^= random << 17;
    }
    let from = random as usize % count;
    let to = (from + 1 + (random >> 8) as usize % (count - 1)) % count;
    transfer(
        &accounts[from],
        &accounts[to],
        (random >> 16) as i64 % 7 + 1,
    );
}

fn main() {
    let args: [u64; 4] = check_protocol::numbers();
    let (count, threads, times, hold_ms) = (args[0] as u32, args[1], args[2], args[3]);
    let accounts: Vec<Account> = (1..=count)
        .map(|id| Account {
            id,
            balance: Mutex::new(1_000),
        })
        .collect();
    let total = 1_000 * i64::from(count);
    let (done, off) = (AtomicBool::new(false), AtomicU64::new(0));
    // 혼자 도는 옮기는 스레드가 마친 옮기기 수, 그리고 옮기기 사이사이에서 감사 스레드가 모든
    // 잠금이 풀린 것을 본 서로 다른 순간의 수.
    // Transfers done by the lone mover, and in how many different moments between them the
    // auditor found every lock free.
    let (moved, seen) = (AtomicU64::new(0), AtomicU64::new(0));
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let mut last = u64::MAX;
            while !done.load(Ordering::SeqCst) {
                let Some(sum) = audit(&accounts) else {
                    continue;
                };
                if sum != total {
                    off.fetch_add(1, Ordering::SeqCst);
                }
                let now = moved.load(Ordering::SeqCst);
                if now != last {
                    seen.fetch_add(1, Ordering::SeqCst);
                    last = now;
                }
            }
        });
        // 먼저 옮기는 스레드 여럿을 한꺼번에(배리어로 같은 순간에) 돌림: 교착이 생길 수 있는 잠금
        // 순서라면 여기서 실제로 교착이 생김.
        // First many movers at once (from the same moment, by a barrier): a lock order that can
        // deadlock, does.
        let start = std::sync::Barrier::new(threads as usize);
        // 옮기는 스레드를 아무 때나 멈춤. 두 잠금 사이에서도.
        // Movers stopped at random moments, between their two locks too.
        let interrupter = common::perturb::interrupt_threads(
            std::time::Duration::from_micros(100),
            std::time::Duration::from_micros(300),
        );
        std::thread::scope(|movers| {
            for t in 0..threads {
                let (accounts, start) = (&accounts, &start);
                let interrupter = &interrupter;
                movers.spawn(move || {
                    start.wait();
                    // 적어도 `times`번 옮기고, 멈춤이 800번이 될 때까지 계속함.
                    // At least `times` transfers, and on until 800 interruptions.
                    let mut step = 0;
                    while step < times || interrupter.count() < 800 {
                        move_money(accounts, t, step);
                        step += 1;
                    }
                });
            }
        });
        interrupter.stop();
        // 그다음 옮기는 스레드 하나만 돌림. 감사 스레드가 서로 다른 옮기기 쌍 500개 사이를 볼 때까지
        // (기계가 아무리 바빠도). 잠금 하나를 놓고 나서 다른 잠금을 잡는 `transfer`는 이때 돈이 어느
        // 계좌에도 없는 순간에 들킴.
        // Then one mover alone, until the auditor has looked between 500 different pairs of
        // transfers (however loaded the machine): a `transfer` that lets go of one lock before it
        // takes the other is then caught with the money in neither account.
        let before = seen.load(Ordering::SeqCst);
        let mut step = 0;
        while seen.load(Ordering::SeqCst) - before < 500 && step < 2_000_000 {
            move_money(&accounts, threads, step);
            moved.fetch_add(1, Ordering::SeqCst);
            step += 1;
        }
        done.store(true, Ordering::SeqCst);
    });
    let sum: i64 = accounts
        .iter()
        .map(|a| *a.balance.lock().expect("balance"))
        .sum();
    let seen_wrong = off.load(Ordering::SeqCst);
    let held_up = held_up();
    let waited = waited(hold_ms);
    common::say!(
        "{}",
        report(Found::Balances {
            sum,
            seen_wrong,
            held_up: Some(held_up),
            waited: Some(waited),
        })
    );
}

/// 아무도 잠그지 않은 두 계좌 사이의 옮기기가 세 번째 계좌의 잠금을 기다리는지. 검사기가 103번
/// 계좌의 잠금을 쥐고 103에서 104로 옮기기를 시작하고(거기서 기다림), 300ms 뒤에 101에서 102로
/// 옮기기를 시작해서, 103을 놓기 전에 5초를 줌. 계좌마다 잠금이 있으면 바로 끝나고, 모든 옮기기를
/// 잠금 하나로 감싸면 첫 옮기기 뒤에서 계속 기다림.
/// Whether a transfer between two free accounts waits for a third account's lock: the checker
/// holds account 103's lock, starts a transfer from 103 to 104 (it waits there), then 300 ms later
/// a transfer from 101 to 102, and gives that one 5 s before it lets 103 go. With a lock per
/// account it is done at once; one lock around every transfer keeps it waiting behind the first.
fn held_up() -> bool {
    let accounts: Vec<Account> = (101..=104)
        .map(|id| Account {
            id,
            balance: Mutex::new(1_000),
        })
        .collect();
    let accounts = &accounts;
    let busy = accounts[2].balance.lock().expect("account 103");
    let (done_tx, done_rx) = std::sync::mpsc::channel();
    let held_up = std::thread::scope(|scope| {
        scope.spawn(move || transfer(&accounts[2], &accounts[3], 1));
        std::thread::sleep(std::time::Duration::from_millis(300));
        scope.spawn(move || {
            transfer(&accounts[0], &accounts[1], 1);
            let _ = done_tx.send(());
        });
        let held_up = (done_rx.recv_timeout(std::time::Duration::from_secs(5))).is_err();
        drop(busy);
        held_up
    });
    held_up
}

/// 검사기가 계좌 201의 잠금을 `hold_ms` 동안 쥐고, 그동안 202에서 201로 옮기기를 부릅니다. 정한
/// 순서대로 잠그는 옮기기는 잠금에서 잠들었다가 한 번 깨어나고, `try_lock`으로 잡았다 놓기를
/// 되풀이하는 옮기기는 볼 때마다 깨어나거나(잠깐씩 잠 때) CPU를 태웁니다(쉬지 않을 때).
/// The checker holds account 201's lock for `hold_ms` and meanwhile calls a transfer from 202 to
/// 201: one that takes its locks in a fixed order falls asleep on a lock and wakes once; one that
/// takes, tries and lets go again (`try_lock`, back off, retry) wakes at every try (with a nap)
/// or burns CPU (without).
fn waited(hold_ms: u64) -> Waited {
    let accounts: Vec<Account> = (201..=202)
        .map(|id| Account {
            id,
            balance: Mutex::new(1_000),
        })
        .collect();
    let accounts = &accounts;
    let busy = accounts[0].balance.lock().expect("account 201");
    std::thread::scope(|scope| {
        let mover = std::thread::Builder::new().name("mover".into());
        let mover = mover.spawn_scoped(scope, move || {
            let before = common::trace::Usage::of_this_thread();
            transfer(&accounts[1], &accounts[0], 1);
            let after = common::trace::Usage::of_this_thread();
            (
                after.switches - before.switches,
                after.cpu_us - before.cpu_us,
            )
        });
        let mover = mover.expect("spawn the mover");
        // 잠금을 쥔 동안 옮기는 스레드가 몇 번 깨고, CPU를 얼마나 쓰는지 검사기가 지켜봅니다.
        // While the lock is held, the checker watches how often the mover wakes and what CPU
        // it uses.
        let hold = std::time::Duration::from_millis(hold_ms);
        common::trace::watch(std::process::id(), hold);
        drop(busy);
        let (switches, cpu_us) = mover.join().expect("the transfer from 202 to 201");
        Waited {
            hold_ms,
            switches,
            cpu_us,
        }
    })
}
