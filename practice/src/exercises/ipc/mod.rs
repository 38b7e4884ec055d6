//! The IPC chapter's exercises: a manager's dict, queues and pipes between processes, Array.

mod manager_and_queue;
mod pipe_and_array;

use super::*;
use manager_and_queue::*;
use pipe_and_array::*;

/// The check of each exercise of this part, and the checker's call of its function if it has
/// one.
pub(super) fn mechanism(package: &str) -> Option<(Check, Option<Probe>)> {
    Some(match package {
        "share-a-dict" => (
            share_a_dict,
            Some(Probe {
                bin: "check-21",
                signature: "pub fn record_pids(children: usize) -> Vec<(String, u32)>",
                args: &[(2, 6)],
                names: &[["자식", "children"]],
                check: record_pids_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "drain-the-queue" => (
            drain_the_queue,
            Some(Probe {
                bin: "check-18",
                signature: "pub fn drain(producers: usize, items: u32, produce: impl Fn(IpcSender<String>, u32) + Copy + 'static) -> usize",
                // Producers, items each: at least 600 items, more than twice what a queue's
                // buffer holds before a put waits (278 small items on a socketpair here), so
                // producers joined before the queue is drained never end (Python's rule).
                args: &[(2, 5), (300, 400)],
                names: &[["생산자", "producers"], ["생산자마다 물건", "items each"]],
                check: drain_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "the-end-marker" => (
            the_end_marker,
            Some(Probe {
                bin: "check-19",
                signature: "pub fn serve(conn: Connection), pub fn square_over_a_pipe(jobs: &[u64], serve: impl Fn(Connection) + Copy + 'static) -> u64",
                // Jobs, the first job.
                args: &[(2, 8), (5, 60)],
                names: &[["일", "jobs"], ["첫 일", "the first job"]],
                check: square_over_a_pipe_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        "each-its-own-slice" => (
            each_its_own_slice,
            Some(Probe {
                bin: "check-20",
                signature: "pub fn fill_in_slices(children: usize, width: usize) -> Vec<i32>",
                // Children, the width of a slice.
                args: &[(2, 5), (1, 4)],
                names: &[["자식", "children"], ["구간 너비", "width of a slice"]],
                check: fill_in_slices_call,
                // No late start: a child held back before its first event looks, in the trace, as
                // if it had not started yet, and its sibling may come and go meanwhile.
                late_starts: false,
                second_call: &[],
                // Child 0's line held: its siblings, started beside it, run meanwhile.
                hold: Some(("child 0 wrote its slice", (700, 1_200))),
            }),
        ),
        _ => return None,
    })
}
