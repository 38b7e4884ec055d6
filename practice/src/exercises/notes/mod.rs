//! The notes' exercises (01 to 12): threads, processes, the pool, a pipe, a shared value, locks.

mod locks;
mod pool_and_pipe;
mod processes;
mod threads;

use super::*;
use locks::*;
use pool_and_pipe::*;
use processes::*;
use threads::*;

/// The check of each exercise of this part, and the checker's call of its function if it has
/// one.
pub(super) fn mechanism(package: &str) -> Option<(Check, Option<Probe>)> {
    Some(match package {
        "join-the-threads" => (join_the_threads, None),
        "move-the-name" => (move_the_name, None),
        "count-together" => (
            count_together,
            Some(Probe {
                bin: "check-03",
                signature: "pub fn count_together(threads: usize, times: u64, one: fn() -> u64) -> u64",
                args: &[(2, 4), (300_000, 800_000)],
                names: &[["스레드", "threads"], ["횟수", "times"]],
                check: count_together_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "end-the-consumer" => (
            end_the_consumer,
            Some(Probe {
                bin: "check-04",
                signature: "pub fn produce_and_consume(producers: usize, produce: fn(Sender<String>, usize)) -> usize",
                // Producers.
                args: &[(2, 6)],
                names: &[["생산자", "producers"]],
                check: produce_and_consume_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "send-num-back" => (
            send_num_back,
            Some(Probe {
                bin: "check-05",
                signature: "pub fn num_after_the_child() -> i32",
                // `NUM` in the parent, and (a different number) in the child as it starts.
                args: &[(100, 499), (500, 999)],
                names: &[
                    ["부모의 NUM", "NUM in the parent"],
                    ["자식의 NUM", "NUM in the child"],
                ],
                check: send_num_back_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "daemon-child" => (daemon_child, None),
        "map-in-the-pool" => (
            map_in_the_pool,
            Some(Probe {
                bin: "check-07",
                signature: "pub fn map_in_the_pool(f: fn(u32) -> u32, items: Vec<u32>) -> Vec<u32>",
                // Items, the checker's factor.
                args: &[(6, 14), (3, 9)],
                names: &[["항목", "items"], ["검사기의 곱수", "the checker's factor"]],
                check: map_in_the_pool_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "ping-pong" => (
            ping_pong,
            Some(Probe {
                bin: "check-08",
                signature: "pub fn answer(child_conn: Connection, rounds: u32), pub fn ping_pong(rounds: u32, answer: impl Fn(Connection, u32) + Copy + 'static)",
                // Rounds.
                args: &[(2, 9)],
                names: &[["주고받기", "rounds"]],
                check: ping_pong_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "count-in-four-processes" => (
            count_in_four_processes,
            Some(Probe {
                bin: "check-09",
                signature: "pub fn count_in_processes(processes: usize, times: i32) -> i32",
                args: &[(2, 5), (20_000, 50_000)],
                names: &[["프로세스", "processes"], ["횟수", "times"]],
                check: count_in_processes_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "two-locks" => (
            two_locks,
            Some(Probe {
                bin: "check-10",
                signature: "pub fn transfer(from: &Account, to: &Account, amount: i64)",
                // Accounts, threads, transfers per thread, and how long the checker holds
                // a lock a last transfer needs (ms).
                args: &[(3, 5), (2, 4), (2_000, 5_000), (500, 800)],
                names: &[
                    ["계좌", "accounts"],
                    ["스레드", "threads"],
                    ["스레드마다 옮기기", "transfers per thread"],
                    [
                        "검사기가 잠금을 쥐는 시간(ms)",
                        "the checker's hold of a lock (ms)",
                    ],
                ],
                check: two_locks_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "dining-philosophers" => (
            dining_philosophers,
            Some(Probe {
                bin: "check-11",
                signature: "pub fn dine(philosophers: usize, meals: usize)",
                // Philosophers, meals.
                args: &[(4, 6), (25, 35)],
                names: &[["철학자", "philosophers"], ["식사", "meals"]],
                check: dining_philosophers_call,
                late_starts: false,
                second_call: &[],
                // Philosopher 0's first meal (the first line that starts so), held with both its forks: in a dinner that runs its
                // philosophers side by side, the others eat or wait while it holds them (they
                // were started with it; one started only after it was joined finds it gone),
                // and its two neighbours wait for a fork the whole hold: asleep on its lock, or
                // burning CPU in a try_lock loop.
                hold: Some(("philosopher 0 eats*", (800, 1_500))),
            }),
        ),
        "producer-and-consumer" => (
            producer_and_consumer,
            Some(Probe {
                bin: "check-12",
                signature: "pub fn consume(q: IpcReceiver<String>) -> usize",
                // The fewest items the checker's producer puts (it draws up to 3 more): never the
                // 5 of the learner's own producer.
                args: &[(6, 9)],
                names: &[["물건(적어도)", "items (at least)"]],
                check: consume_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        _ => return None,
    })
}
