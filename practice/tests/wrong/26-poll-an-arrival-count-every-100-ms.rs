//! 틀림(세 번째 눈가림 검토에서): `Barrier` 대신 도착한 수를 원자 변수에 세고
//! 100ms마다 봅니다. 단계마다 몇 번만 깨어나서 깨는 횟수만 세던 때는 통과했고, 조용한
//! 틈 규칙이 잡습니다.
//! Wrong (from the third blind review): each worker counts its arrival in an atomic and looks
//! at the count every 100 ms, in place of a `Barrier`: it wakes only a few times a phase, so it
//! passed while only the wakes were counted; the quiet-spell rule catches it.
//! Named: is not waiting

use common::{say, sleep_secs};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

pub fn in_phases(workers: usize, phases: usize) {
    let arrived = AtomicUsize::new(0);
    thread::scope(|scope| {
        for w in 0..workers {
            let arrived = &arrived;
            thread::Builder::new()
                .name(format!("worker {w}"))
                .spawn_scoped(scope, move || {
                    for p in 0..phases {
                        sleep_secs(0.5 * w as f64);
                        say!("worker {w} phase {p} done");
                        arrived.fetch_add(1, Ordering::SeqCst);
                        while arrived.load(Ordering::SeqCst) < workers * (p + 1) {
                            thread::sleep(Duration::from_millis(100));
                        }
                    }
                })
                .expect("spawn a worker");
        }
    });
}

fn main() {
    in_phases(3, 3);
}
