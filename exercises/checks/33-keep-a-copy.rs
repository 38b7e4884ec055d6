//! 검사기가 연습 33의 `start_worker(name)`를 자기 이름으로 부르고, 호출이 끝난 뒤에도 해제되지
//! 않은 할당을 셉니다(`Box::leak`으로 만든 `'static` 참조는 끝까지 남음).
//! The checker calls exercise 33's `start_worker(name)` with a name of its own, and counts the
//! allocations the call left unfreed (a `'static` reference made by `Box::leak` stays for good).

#[allow(dead_code)]
#[path = "../33-keep-a-copy/src/main.rs"]
mod learner;

use check_protocol::{Found, report_leaks};
use common::say;

/// 검사기의 할당자: 호출이 남긴 할당을 셈.
/// The checker's allocator: counts the allocations the call leaves behind.
#[global_allocator]
static COUNTING: check_protocol::alloc::Counting = check_protocol::alloc::Counting;

fn main() {
    common::init();
    let [n]: [u64; 1] = check_protocol::numbers();
    settle();
    let before = check_protocol::alloc::live();
    learner::start_worker(&format!("worker{n}"));
    let leaked = check_protocol::alloc::live() - before;
    say!("{}", report_leaks(Found::Returned, Some(leaked)));
}

/// 호출 전에 한 번만 만들어지는 것들(표준 출력의 버퍼, trace의 시작, 첫 자식 프로세스를 띄울 때
/// 준비하는 것)을 미리 만들어 둡니다. 그래야 호출 뒤에 남은 할당이 호출이 남긴 것만 됩니다. 미리
/// 띄우는 자식은 아무것도 출력하지 않습니다.
/// Sets up what is set up once, before the call (stdout's buffer, the trace's start, what the
/// first child process needs): the allocations left after the call are then the call's own. The
/// warm-up child prints nothing.
fn settle() {
    let _ = std::io::Write::flush(&mut std::io::stdout());
    common::trace::begin();
    let mut warm = common::process::Process::new(|| {}).name("warm-up");
    warm.start().expect("start the warm-up child");
    warm.join();
}
