//! 검사기가 연습 25의 `release_after(workers, prep_ms)`를 자기 수로 부르고, 그동안 작업자 스레드가
//! 모두 살아 있는 것을 처음 본 때를 적습니다('main: go'보다 먼저여야 함).
//! The checker calls exercise 25's `release_after(workers, prep_ms)` with its own numbers, and
//! notes when it first saw every worker thread alive (before 'main: go', it must be).

#[allow(dead_code)]
#[path = "../25-wait-for-the-go/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use std::sync::atomic::{AtomicBool, Ordering};

fn main() {
    let args: [u64; 2] = check_protocol::numbers();
    let workers = args[0] as usize;
    let returned = AtomicBool::new(false);
    let all_alive_at = std::thread::scope(|scope| {
        let watcher = std::thread::Builder::new()
            .name("the checker's watcher".into())
            .spawn_scoped(scope, || watch(workers, &returned))
            .expect("spawn the watcher");
        learner::release_after(workers, args[1]);
        returned.store(true, Ordering::SeqCst);
        watcher.join().expect("the watcher")
    });
    common::say!("{}", report(Found::AllAliveAt(all_alive_at)));
}

/// 작업자 스레드(`worker ...`)가 모두 살아 있는 것을 처음 본 때(trace의 시계), 호출이 끝날 때까지
/// 못 봤으면 `None`. 1ms마다 `/proc/self/task`의 이름을 봄.
/// When every worker thread (`worker ...`) was first seen alive (the trace's clock), or `None`
/// if not before the call returned; looks at `/proc/self/task`'s names every millisecond.
fn watch(workers: usize, returned: &AtomicBool) -> Option<u64> {
    while !returned.load(Ordering::SeqCst) {
        let alive = std::fs::read_dir("/proc/self/task").map_or(0, |tasks| {
            tasks
                .flatten()
                .filter(|task| {
                    std::fs::read_to_string(task.path().join("comm"))
                        .is_ok_and(|name| name.starts_with("worker "))
                })
                .count()
        });
        if alive >= workers {
            return Some(common::trace::monotonic_ns());
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    None
}
