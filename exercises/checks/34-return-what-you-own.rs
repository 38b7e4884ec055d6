//! 검사기가 연습 34의 `shout_all(words)`를 자기 낱말로 부르고, 돌려받은 것 말고 호출이 남긴
//! 할당을 셉니다(`Box::leak`으로 만든 `&'static str`은 끝까지 남음).
//! The checker calls exercise 34's `shout_all(words)` with words of its own, and counts the
//! allocations the call left besides what it returned (a `&'static str` made by `Box::leak`
//! stays for good).

#[allow(dead_code)]
#[path = "../34-return-what-you-own/src/main.rs"]
mod learner;

use check_protocol::{Found, report_leaks};
use common::say;

/// 검사기의 할당자: 호출이 남긴 할당을 셈.
/// The checker's allocator: counts the allocations the call leaves behind.
#[global_allocator]
static COUNTING: check_protocol::alloc::Counting = check_protocol::alloc::Counting;

fn main() {
    let args: [u64; 2] = check_protocol::numbers();
    check_protocol::alloc::this_is_main();
    // 표준 출력의 버퍼와 trace의 시작은 호출 전에 미리 (한 번만 만들어지므로).
    // Stdout's buffer and the trace's start set up before the call (they are made once).
    let _ = std::io::Write::flush(&mut std::io::stdout());
    common::trace::begin();
    let before = check_protocol::alloc::live();
    let words: Vec<String> = (0..args[0]).map(|i| format!("w{}q", args[1] + i)).collect();
    let got = learner::shout_all(words);
    // 돌려받은 것은 부르는 쪽의 것: 그 블록(벡터 하나, 빈 것이 아닌 문자열마다 하나)은 빼고 셈.
    // What came back is the caller's: its blocks (the vector, each string that is not empty)
    // are counted out.
    let returned =
        i64::from(got.capacity() > 0) + got.iter().filter(|w| w.capacity() > 0).count() as i64;
    let leaked = check_protocol::alloc::live() - before - returned;
    // 돌려받은 낱말 가운데 main 스레드가 만든 것(스레드가 돌려준 것이 아니라 main이 다시 만든 것).
    // The words the main thread made (made again by main, not the ones the threads returned).
    let made_on_main = (got.iter())
        .filter(|w| w.capacity() > 0 && check_protocol::alloc::made_on_main(w.as_ptr()))
        .count() as u64;
    let found = Found::Words {
        words: got,
        made_on_main,
    };
    say!("{}", report_leaks(found, Some(leaked)));
}
