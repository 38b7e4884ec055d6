//! The kept Pool's exercises: apply_async with a time limit, imap as results come, a task that
//! panics.

mod results;
mod workers;

use super::*;
use results::*;
use workers::*;

/// 07 counts main's pools too.
pub(in crate::exercises) use workers::one_pool;

/// The check of each exercise of this part, and the checker's call of its function if it has
/// one.
pub(super) fn mechanism(package: &str) -> Option<(Check, Option<Probe>)> {
    Some(match package {
        "results-in-time" => (
            results_in_time,
            Some(Probe {
                bin: "check-13",
                signature: "pub fn collect_in_time(work: fn(u64) -> u64, xs: &[u64], timeout_ms: u64)",
                // Tasks, the place of the stuck one, the time limit in milliseconds: long enough
                // for a quick task on a loaded machine (a soak saw one miss 311 ms), and for
                // spawned workers, which come up one by one (one took over a second to start
                // its first task once the start methods rotated).
                args: &[(3, 6), (1, 2), (2_500, 3_500)],
                names: &[
                    ["일", "tasks"],
                    ["멈춘 일의 자리", "place of the stuck one"],
                    ["시간 한도(ms)", "time limit in ms"],
                ],
                check: collect_in_time_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "as-they-come" => (
            as_they_come,
            Some(Probe {
                bin: "check-14",
                signature: "pub fn print_as_they_come(work: fn(u64) -> u64, xs: &[u64])",
                // Tasks; the last is the slow one.
                args: &[(3, 7)],
                names: &[["일", "tasks"]],
                check: print_as_they_come_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "keep-the-other-results" => (
            keep_the_other_results,
            Some(Probe {
                bin: "check-17",
                signature: "pub fn each_on_its_own(work: fn(u64) -> u64, xs: &[u64])",
                // Tasks, the place of the one that panics, the place of the one that crashes
                // its worker (never the same: the first two places against the last two).
                args: &[(4, 7), (0, 1), (2, 3)],
                names: &[
                    ["일", "tasks"],
                    ["panic하는 일의 자리", "place of the one that panics"],
                    [
                        "작업 프로세스를 죽이는 일의 자리",
                        "place of the one that kills its worker",
                    ],
                ],
                check: each_on_its_own_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "fresh-workers" => (
            fresh_workers,
            Some(Probe {
                bin: "check-15",
                signature: "pub fn with_fresh_workers(work: fn(u64) -> u64, xs: Vec<u64>, most: usize) -> Vec<u64>",
                // Tasks, the most a worker may do: two workers that are never replaced do
                // five or more each (more than the most), and with at least twice the most in
                // tasks, the first two workers each reach it (`retired_not_sooner`).
                args: &[(9, 12), (2, 4)],
                names: &[
                    ["일", "tasks"],
                    ["작업 프로세스 하나의 최대 일", "most tasks per worker"],
                ],
                check: with_fresh_workers_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "pairs-with-starmap" => (
            pairs_with_starmap,
            Some(Probe {
                bin: "check-16",
                signature: "pub fn products(f: fn(u64, u64) -> u64, pairs: Vec<(u64, u64)>) -> Vec<u64>",
                // Pairs, the difference within a pair.
                args: &[(3, 9), (1, 50)],
                names: &[
                    ["쌍", "pairs"],
                    ["쌍 안의 차이", "difference within a pair"],
                ],
                check: products_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        _ => return None,
    })
}
