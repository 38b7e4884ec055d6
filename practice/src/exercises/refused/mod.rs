//! The exercises that start as a case the compiler refuses (`refused/`): once the learner makes
//! them compile the Rust way, what they do is checked.

mod moving;
mod sharing;

use super::*;
use moving::*;
use sharing::*;

/// The check of each exercise of this part, and the checker's call of its function if it has
/// one.
pub(super) fn mechanism(package: &str) -> Option<(Check, Option<Probe>)> {
    Some(match package {
        "arc-not-rc" => (
            arc_not_rc,
            Some(Probe {
                bin: "check-31",
                signature: "pub fn sum_in_threads(items: Vec<u64>, adders: usize) -> u64",
                // The list's length, adders, the factor of its items.
                // Long enough that a copy of it shows among the call's allocations.
                args: &[(100_000, 300_000), (2, 5), (2, 9)],
                names: &[
                    ["목록 길이", "length of the list"],
                    ["더하는 스레드", "adders"],
                    ["항목의 곱수", "factor of the items"],
                ],
                check: sum_in_threads_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "mutex-not-refcell" => (
            mutex_not_refcell,
            Some(Probe {
                bin: "check-32",
                signature: "pub fn log_from_threads(writers: usize, entries: usize) -> Vec<String>",
                // Writers, entries each.
                args: &[(2, 6), (50, 300)],
                names: &[
                    ["쓰는 스레드", "writers"],
                    ["스레드마다 항목", "entries each"],
                ],
                check: log_from_threads_call,
                // No late start: the held writer is told by the wait between its start and its
                // first line, which a late start would make too.
                late_starts: false,
                second_call: &[],
                // The first writer's first line held back: the others write meanwhile, unless
                // it holds the log's lock while it prints (around its whole loop).
                hold: Some(("writer *", (800, 1_300))),
            }),
        ),
        "keep-a-copy" => (
            keep_a_copy,
            Some(Probe {
                bin: "check-33",
                signature: "pub fn start_worker(name: &str)",
                // The number in the worker's name.
                args: &[(100, 999)],
                names: &[["작업자 이름의 번호", "number in the worker's name"]],
                check: start_worker_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "return-what-you-own" => (
            return_what_you_own,
            Some(Probe {
                bin: "check-34",
                signature: "pub fn shout_all(words: Vec<String>) -> Vec<String>",
                // Words, the number in the first.
                args: &[(2, 6), (10, 99)],
                names: &[["단어", "words"], ["첫 단어의 번호", "number in the first"]],
                check: shout_all_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "an-atomic-global" => (
            an_atomic_global,
            Some(Probe {
                bin: "check-30",
                signature: "pub static VISITS, pub fn count_visits(visitors: usize, visits: u64) -> u64",
                // Visitors, visits each.
                args: &[(2, 4), (1_000_000, 3_000_000)],
                names: &[["방문자", "visitors"], ["방문자마다 방문", "visits each"]],
                check: count_visits_call,
                late_starts: true,
                second_call: &[],
                // Visitor 0's line, held: it has done its visits, and it is still alive, so the
                // global must already hold them (a total main adds after the threads is 0 then).
                hold: Some(("visitor 0 done", (300, 600))),
            }),
        ),
        _ => return None,
    })
}
