//! The shared-state chapter's exercises: Event, Semaphore, Condition, Barrier, executors.

mod executors;
mod phases;
mod places;
mod signals;

use super::*;
use executors::*;
use phases::*;
use places::*;
use signals::*;

/// The check of each exercise of this part, and the checker's call of its function if it has
/// one.
pub(super) fn mechanism(package: &str) -> Option<(Check, Option<Probe>)> {
    Some(match package {
        "wait-for-the-go" => (
            wait_for_the_go,
            Some(Probe {
                bin: "check-25",
                signature: "pub fn release_after(workers: usize, prep_ms: u64)",
                // Workers, and a short preparation: a worker that sleeps past `main`'s 1.2 s
                // is then more than a second late.
                args: &[(2, 5), (30, 80)],
                names: &[
                    ["작업자", "workers"],
                    ["준비 시간(ms)", "preparation in ms"],
                ],
                check: release_after_call,
                // A late start would add to the time after the signal.
                late_starts: false,
                // The second call prepares long: a worker that polls wakes once a look.
                second_call: &[(1, (1_500, 2_500))],
                // "main: go" comes 0.6 to 1.2 s after the preparation the arguments name: a
                // worker that sleeps the preparation (and a little more) goes before it, and one
                // that spins or polls is seen doing so while the line is held (watched).
                hold: Some(("main: go", (600, 1_200))),
            }),
        ),
        "two-at-a-time" => (
            two_at_a_time,
            Some(Probe {
                bin: "check-24",
                signature: "pub fn at_most_two(workers: usize, inside_ms: u64)",
                // 4 to 6 workers: with a worker held, a program that binds workers to places
                // by number leaves a place free 500 ms or more (`no_place_left_empty`).
                args: &[(4, 6), (100, 200)],
                names: &[
                    ["작업자", "workers"],
                    ["안에 머무는 시간(ms)", "time inside in ms"],
                ],
                check: at_most_two_call,
                // A late start holds its place unseen (the delay comes before its "enter"), so
                // two inside together shows only without one; `main`'s 0.5 s inside outlasts the
                // plans' 0.3 s.
                late_starts: false,
                // The second call stays inside 400 to 550 ms: between an "enter" and the next
                // "leave", nothing happens for 200 ms or more, and the waiting workers sleep.
                second_call: &[(1, (400, 550))],
                // The first "leave" held back, well past the time inside: its place stays taken
                // while the other place frees, and a semaphore lets the next worker in.
                hold: Some(("leave *", (900, 1_400))),
            }),
        ),
        "wait-in-a-loop" => (
            wait_in_a_loop,
            Some(Probe {
                bin: "check-23",
                signature: "pub fn consume(shelf: &Mutex<Shelf>, changed: &Condvar)",
                // Consumers, items, the bell (every 0.3 ms) and the time between items: the
                // first call rings and puts items 3 ms apart, the second is silent and slow
                // (0.8 to 1.1 s between items, 2.4 s in all at least), so that a consumer that
                // polls wakes between items, even if it looks only every 600 ms.
                args: &[(2, 5), (8, 20), (1, 1), (3, 3)],
                names: &[
                    ["소비자", "consumers"],
                    ["물건", "items"],
                    ["종", "bell"],
                    ["물건 사이 ms", "ms between items"],
                ],
                check: consume_call,
                late_starts: true,
                second_call: &[(1, (3, 5)), (2, (0, 0)), (3, (800, 1_100))],
                hold: None,
            }),
        ),
        "line-up-the-phases" => (
            line_up_the_phases,
            Some(Probe {
                bin: "check-26",
                signature: "pub fn in_phases(workers: usize, phases: usize)",
                // Workers, phases.
                args: &[(2, 5), (2, 4)],
                names: &[["작업자", "workers"], ["단계", "phases"]],
                check: in_phases_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "wait-for-the-tasks" => (
            wait_for_the_tasks,
            Some(Probe {
                bin: "check-27",
                signature: "pub fn two_rounds(workers: usize, tasks: u32)",
                // Workers, tasks per round.
                args: &[(2, 4), (3, 8)],
                names: &[["작업자", "workers"], ["회차마다 일", "tasks per round"]],
                check: two_rounds_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "hold-the-lock" => (
            hold_the_lock,
            Some(Probe {
                bin: "check-22",
                signature: "pub fn add_under_a_lock(counter: &Mutex<u64>, threads: usize, times: u64, add_one: fn(u64) -> u64)",
                // Threads, additions per thread.
                args: &[(2, 4), (200_000, 500_000)],
                names: &[
                    ["스레드", "threads"],
                    ["스레드마다 더하기", "additions per thread"],
                ],
                check: add_under_a_lock_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "as-completed" => (
            as_completed,
            Some(Probe {
                bin: "check-28",
                signature: "pub fn submit_all(xs: &[u64], work: fn(u64) -> u64) -> Vec<u64>",
                // Tasks, and the place of the slow one: never the last, so joining in order
                // makes a quick one wait.
                args: &[(3, 6), (0, 1)],
                names: &[["일", "tasks"], ["느린 일의 자리", "place of the slow one"]],
                check: submit_all_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "gather-on-one-thread" => (
            gather_on_one_thread,
            Some(Probe {
                bin: "check-29",
                signature: "pub fn gather_waits<W, F>(n: usize, wait: W)",
                // The checker's waits, each this many milliseconds and 0.8 to 2 s more, which
                // each wait draws itself.
                args: &[(3, 9), (50, 200)],
                names: &[["기다림", "waits"], ["기본 ms", "base ms"]],
                check: gather_waits_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        _ => return None,
    })
}
