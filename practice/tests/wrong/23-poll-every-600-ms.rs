//! 틀림(세 번째 눈가림 검토에서): 소비자가 `Condvar`에서 기다리지 않고 선반이 비면
//! 600ms 잡니다. 기다리는 동안 몇 번만 깨어나서 깨는 횟수만 세던 때는 통과했고,
//! 조용한 틈 규칙이 잡습니다.
//! Wrong (from the third blind review): each consumer looks at the shelf and sleeps 600 ms when
//! it is empty, in place of waiting on the `Condvar`: it wakes only a few times in a wait, so it
//! passed while only the wakes were counted; the quiet-spell rule catches it.
//! Named: is not waiting

//! 연습 23 — 조건을 while로 기다리기 (공유 상태 — threading.Condition)
//! Exercise 23 — wait for the condition in a loop (shared state, threading.Condition)
//!
//! 할 일: `consume`은 소비자 스레드 하나가 하는 일입니다. 선반이 비어 있고 아직 끝나지 않았으면
//! `changed`를 기다리고, 물건을 하나 꺼내 "consumed i"를 출력합니다. 선반이 비었고 끝났으면
//! 돌아옵니다. 지금은 `if`로 한 번만 기다려서, 깨어났는데 선반이 비어 있으면(종이 울렸을 뿐)
//! 끝난 줄 알고 그만둡니다. 물건이 하나도 남지 않게 고치세요. 생산자와 종은 그대로 두세요.
//! 검사기는 자기 생산자와 종으로 `consume`을 부릅니다.
//! Task: `consume` is what one consumer thread does: while the shelf is empty and not done, it
//! waits on `changed`; it takes one item and prints "consumed i"; once the shelf is empty and
//! done, it returns. Today it waits once, with `if`: woken to an empty shelf (the bell only rang),
//! it takes that for the end and quits. Let no item be left. Leave the producer and the bell as
//! they are: the checker calls `consume` with a producer and a bell of its own.
//!
//! 확인 / Check: `cargo run -p practice -- check 23`

use common::{say, sleep_secs};
use std::collections::VecDeque;
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::Duration;

#[derive(Default)]
pub struct Shelf {
    pub items: VecDeque<u32>,
    pub done: bool,
}

pub fn consume(shelf: &Mutex<Shelf>, changed: &Condvar) {
    let _ = changed;
    loop {
        let mut s = shelf.lock().expect("lock the shelf");
        let Some(item) = s.items.pop_front() else {
            if s.done {
                return;
            }
            drop(s);
            thread::sleep(Duration::from_millis(600));
            continue;
        };
        drop(s);
        say!("consumed {item}");
    }
}

fn main() {
    let shelf = Mutex::new(Shelf::default());
    let changed = Condvar::new();
    thread::scope(|scope| {
        for c in 0..3 {
            let (shelf, changed) = (&shelf, &changed);
            thread::Builder::new()
                .name(format!("consumer {c}"))
                .spawn_scoped(scope, move || consume(shelf, changed))
                .expect("spawn a consumer");
        }
        // 종이 울리면 새로 온 것이 없어도 기다리던 쪽이 모두 깨어납니다. 다른 이유로 호출된 `notify_all`이나
        // 가짜 깨어남(spurious wake-up)도 그렇습니다.
        // The bell wakes every waiter with nothing new, as a `notify_all` for another reason,
        // or a spurious wake-up, does.
        scope.spawn(|| {
            while !shelf.lock().expect("lock the shelf").done {
                changed.notify_all();
                thread::sleep(Duration::from_millis(1));
            }
        });
        for item in 0..9 {
            sleep_secs(0.1);
            let mut s = shelf.lock().expect("lock the shelf");
            say!("produced {item}");
            s.items.push_back(item);
            changed.notify_one();
        }
        shelf.lock().expect("lock the shelf").done = true;
        changed.notify_all();
    });
    let left = shelf.lock().expect("lock the shelf").items.len();
    say!("left on the shelf: {left}");
}
