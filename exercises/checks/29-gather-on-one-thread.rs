//! 검사기가 연습 29의 `gather_waits(n, wait)`를 자기 개수와 자기 기다림으로 부릅니다. 기다림 i는
//! "task i starts"를 출력하고, 자기가 뽑은 시간(기본 시간에 0.8~2초를 더함)만큼 tokio 타이머를
//! await하고, "task i done"을 출력합니다. 이 줄들은 검사기의 퓨처를 폴링해야만 나오고, 기다리는
//! 시간은 아무도 미리 알 수 없으니 정해진 시간만큼 자는 것으로는 모두 모을 수 없습니다.
//! `gather_waits`가 돌아오면 "gather_waits returned"를 출력합니다.
//!
//! The checker calls exercise 29's `gather_waits(n, wait)` with its own count and its own waits:
//! task i prints "task i starts", awaits a tokio timer of a time it draws itself (the base plus
//! 0.8 to 2 s), and prints "task i done". Those lines come only from polling the checker's
//! futures, and no one knows the times beforehand: a fixed sleep in place of gathering them is
//! too short or too long. When `gather_waits` returns, it prints "gather_waits returned".

#[allow(dead_code)]
#[path = "../29-gather-on-one-thread/src/main.rs"]
mod learner;

use common::say;
use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

fn main() {
    let args: [u64; 2] = check_protocol::numbers();
    let base = args[1];
    // 기다림이 모두 도는 동안 검사기의 스레드 하나가 main 스레드(런타임의 유일한 스레드)가 몇 번
    // 잠드는지 지켜봅니다. 다음 타이머까지 main은 깨지 않아야 합니다.
    // While the waits run, a thread of the checker's watches how often main (the runtime's one
    // thread) goes to sleep: until the next timer, main has nothing to wake for.
    let pid = std::process::id();
    let span = Duration::from_millis(base + 2_000);
    std::thread::spawn(move || common::trace::watch(pid, span));
    learner::gather_waits(args[0] as usize, move |i| async move {
        say!("task {i} starts");
        // 이 기다림이 직접 뽑음: 부르는 쪽은 알 수 없음.
        // Drawn by the wait itself: the caller cannot know it.
        let extra = 800
            + std::collections::hash_map::RandomState::new()
                .build_hasher()
                .finish()
                % 1_200;
        tokio::time::sleep(Duration::from_millis(base + extra)).await;
        say!("task {i} done");
    });
    say!("gather_waits returned");
}
