//! 검사기가 연습 32의 `log_from_threads(writers, entries)`를 자기 수로 부르고, 기록에 든 항목 수와
//! 그중 서로 다른 항목 수를 출력합니다.
//! The checker calls exercise 32's `log_from_threads(writers, entries)` with its own numbers,
//! and prints how many entries the log has and how many of them differ.

#[allow(dead_code)]
#[path = "../32-mutex-not-refcell/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::say;
use std::collections::BTreeSet;

fn main() {
    let args: [usize; 2] = check_protocol::numbers();
    let log = learner::log_from_threads(args[0], args[1]);
    let mut expected = BTreeSet::new();
    for w in 0..args[0] {
        for e in 0..args[1] {
            expected.insert(format!("writer {w} entry {e}"));
        }
    }
    let found: BTreeSet<&String> = log.iter().filter(|e| expected.contains(*e)).collect();
    let (entries, expected_found) = (log.len() as u64, found.len() as u64);
    let writers = (log.iter())
        .map(|entry| {
            (entry
                .strip_prefix("writer ")
                .and_then(|rest| rest.split(' ').next()))
            .and_then(|w| w.parse().ok())
            .unwrap_or(u32::MAX)
        })
        .collect();
    say!(
        "{}",
        report(Found::Logged {
            entries,
            expected_found,
            writers,
        })
    );
}
