//! 검사기가 연습 31의 `sum_in_threads(items, adders)`를 자기 목록(항목 10만~30만 개)으로 부르고,
//! 그 호출 동안 이 프로세스가 할당한 바이트를 셉니다. 스레드마다 목록을 `clone()`하면 목록 전체가
//! 스레드 수만큼 복사되고, `Arc`의 `clone()`은 소유자 수만 하나 늘립니다. 풀어 준 바이트도 세므로,
//! 목록을 새게 둔 것(`Box::leak`)도 보입니다.
//!
//! The checker calls exercise 31's `sum_in_threads(items, adders)` with a list of its own (100,000
//! to 300,000 items), and counts the bytes this process allocates during the call: a `clone()` of
//! the list per thread copies all of it once per thread; an `Arc`'s `clone()` only counts one
//! more owner. It counts the bytes freed too, so a list leaked (`Box::leak`) shows.

#[allow(dead_code)]
#[path = "../31-arc-not-rc/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::say;
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use std::alloc::System;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

fn main() {
    let args: [u64; 3] = check_protocol::numbers();
    let (len, adders, factor) = (args[0], args[1], args[2]);
    let items: Vec<u64> = (1..=len).map(|i| i * factor).collect();
    let region = Region::new(GLOBAL);
    let sum = learner::sum_in_threads(items, adders as usize);
    let change = region.change();
    let (allocated, freed) = (change.bytes_allocated, change.bytes_deallocated);
    say!(
        "{}",
        report(Found::Numbers(vec![
            sum as i64,
            allocated as i64,
            freed as i64
        ]))
    );
}
