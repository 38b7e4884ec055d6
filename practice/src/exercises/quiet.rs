//! The quiet-spell rule: in a spell the checker makes on purpose (a straggler that starts late, a
//! producer that pauses between items), a thread that waits for a signal sleeps from end to end;
//! one that polls wakes in it however coarsely it looks (`common::trace::watch`'s samples).
//! Counting wakes over a whole wait lets a look every half second through; this does not.

use super::{Problem, Seen};
use harness::{Event, Kind};
use std::collections::BTreeMap;

/// How long before and after any other event of the run a sample pair is not judged: what the
/// event did (a thread's end, an item pushed, a line printed) may wake a waiter, a little before
/// the event is written or, on a loaded machine, a while after.
const MARGIN_NS: u64 = 100_000_000;

/// The least quiet time, in all, on which a waiter is judged: a shorter spell (the run's other
/// threads late on a loaded machine) says too little about a look every half second.
const LEAST_QUIET_NS: u64 = 300_000_000;

/// Wakes and quiet time, summed over a run's quiet sample pairs, for one watched thread.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Quiet {
    pub wakes: u64,
    pub preempted: u64,
    pub cpu_ns: u64,
    pub quiet_ns: u64,
}

/// Each watched thread (by its kernel name, `"main"` for a process's main thread) whose name
/// `is_waiter` picks, with what it did in the quiet spells: the pairs of consecutive samples of
/// one process with no other event of the run within `margin_ns` of either, in which (and in
/// whose neighbours) the process's other threads did nothing.
pub(super) fn quiet_spells(
    run: &Seen,
    is_waiter: impl Fn(&str) -> bool,
    margin_ns: u64,
) -> BTreeMap<String, Quiet> {
    let mut others: Vec<u64> = (run.events.iter())
        .filter(|e| e.kind != Kind::Watch)
        .map(|e| e.t_ns)
        .collect();
    // A watch's start is an event too: its watcher has just made the spell begin (taken a lock,
    // started the thread that waits for it), and the waiter may be on its way to sleep.
    let mut by_watcher: BTreeMap<(u32, &str), Vec<u64>> = BTreeMap::new();
    for event in run.events_of_kind(Kind::Watch) {
        let watcher = (event.pid, event.thread.as_str());
        by_watcher.entry(watcher).or_default().push(event.t_ns);
    }
    for times in by_watcher.values_mut() {
        times.sort_unstable();
        let starts =
            (0..times.len()).filter(|&i| i == 0 || times[i] - times[i - 1] > 2 * margin_ns);
        others.extend(starts.map(|i| times[i]).collect::<Vec<_>>());
    }
    others.sort_unstable();
    let busy = |from: u64, to: u64| {
        let at = others.partition_point(|&t| t < from.saturating_sub(margin_ns));
        others.get(at).is_some_and(|&t| t <= to + margin_ns)
    };
    // By the process watched: the samples of several watchers (late workers side by side) read
    // the same counters, so in time order they cut the run into spells that do not overlap.
    let mut watches: BTreeMap<Option<u32>, Vec<&Event>> = BTreeMap::new();
    for event in run.events_of_kind(Kind::Watch) {
        watches.entry(event.child).or_default().push(event);
    }
    let mut spells: BTreeMap<String, Quiet> = BTreeMap::new();
    for samples in watches.values_mut() {
        samples.sort_by_key(|e| e.t_ns);
        let stirred: Vec<bool> = (samples.windows(2))
            .map(|pair| others_stirred(pair[0], pair[1], &is_waiter))
            .collect();
        for (i, pair) in samples.windows(2).enumerate() {
            let (a, b) = (pair[0], pair[1]);
            // What a thread that is not judged did in this pair or a neighbour (a worker put off
            // the CPU between its line and its signal, then signalling) may have woken a waiter:
            // the threads of a sample are read one after another, so a wake and what caused it
            // can fall on either side of a sample.
            let near = i.saturating_sub(1)..=(i + 1).min(stirred.len() - 1);
            if busy(a.t_ns, b.t_ns) || stirred[near].contains(&true) {
                continue;
            }
            let (Some(before), Some(after)) = (&a.watched, &b.watched) else {
                continue;
            };
            for thread in after.iter().filter(|w| is_waiter(&w.thread)) {
                // A thread in both samples; one new in the second was not there to be quiet.
                let Some(was) = before.iter().find(|w| w.thread == thread.thread) else {
                    continue;
                };
                let spell = spells.entry(thread.thread.clone()).or_default();
                // Only one asleep in a wait at the pair's start can wake in it: one that could
                // run (put off the CPU after its line) or was held on a lock in the kernel (in
                // the middle of writing its line) goes to sleep in the pair, it does not wake.
                // A poller is asleep at almost every sample, so it is seen waking in most pairs.
                if was.state == 'S' {
                    spell.wakes += thread.switches.saturating_sub(was.switches);
                }
                spell.preempted += thread.preempted.saturating_sub(was.preempted);
                spell.cpu_ns += thread.cpu_ns.saturating_sub(was.cpu_ns);
                spell.quiet_ns += b.t_ns.saturating_sub(a.t_ns);
            }
        }
    }
    spells
}

/// Whether a thread of the process that `is_waiter` does not pick woke, ran, was preempted,
/// started or ended between samples `a` and `b`.
fn others_stirred(a: &Event, b: &Event, is_waiter: impl Fn(&str) -> bool) -> bool {
    let (Some(before), Some(after)) = (&a.watched, &b.watched) else {
        return false;
    };
    let others = |sample: &Vec<harness::Watched>| {
        (sample.iter().filter(|w| !is_waiter(&w.thread)))
            .map(|w| (w.thread.clone(), w.switches, w.preempted, w.cpu_ns))
            .collect::<std::collections::BTreeSet<_>>()
    };
    others(before) != others(after)
}

/// How much CPU a waiter may use in the quiet spells: a thread asleep uses none (its
/// `schedstat` stands still); where the kernel keeps only `stat`'s ticks (10 ms each), one tick
/// may fall in a spell. A spinner on an idle machine uses the whole spell, on a busy one a share
/// of it (12 ms in 0.4 s, seen); a yielder on a busy one little, but it is preempted again and
/// again.
fn most_cpu_ns() -> u64 {
    // The checker runs on the learner's machine: what its kernel keeps, it keeps for the program.
    if std::path::Path::new("/proc/self/schedstat").exists() {
        1_000_000
    } else {
        12_000_000
    }
}

/// How often a waiter may be preempted in the quiet spells: never while it sleeps, but one
/// still finishing its line as a spell starts, on a loaded machine, was preempted twice on its
/// way to sleep (12's consumer, with no CPU to speak of); a spinner or a yielder on a busy
/// machine is preempted at every slice it gets, dozens of times in 0.3 s.
const MOST_PREEMPTED: u64 = 4;

/// No thread `is_waiter` picks woke, ran or was preempted in the run's quiet spells (see
/// [`quiet_spells`]), judged once they had [`LEAST_QUIET_NS`] of them in all: a thread asleep
/// in a wait stays asleep while nothing it waits for happens; one that sleeps a while and looks
/// again wakes, however long the while (with a few such threads, one of them surely does); one
/// that spins or yields runs, or is taken off the CPU again and again.
pub(super) fn slept_through_the_quiet(
    run: &Seen,
    is_waiter: impl Fn(&str) -> bool,
    tool: [&str; 2],
) -> Result<(), Problem> {
    slept_through_the_quiet_within(run, is_waiter, MARGIN_NS, tool)
}

/// [`slept_through_the_quiet`], with a wider margin around the run's events where what wakes
/// the waiter comes a while before its event: tokio's timer wheel wakes its thread up to 64 ms
/// before a long timer is due, to move it to the finest wheel (29).
pub(super) fn slept_through_the_quiet_within(
    run: &Seen,
    is_waiter: impl Fn(&str) -> bool,
    margin_ns: u64,
    [tool_ko, tool_en]: [&str; 2],
) -> Result<(), Problem> {
    let spells = quiet_spells(run, is_waiter, margin_ns);
    let quiet_ns: u64 = spells.values().map(|s| s.quiet_ns).sum();
    if quiet_ns < LEAST_QUIET_NS {
        return Ok(());
    }
    // Polling first: a poller on a busy machine is preempted now and then when it wakes, but it
    // sleeps; a spinner or a yielder never does.
    let woke = spells.iter().filter(|(_, s)| s.wakes > 0);
    if let Some((thread, spell)) = woke.max_by_key(|(_, s)| s.wakes) {
        let quiet = format!("{:.2}", spell.quiet_ns as f64 / 1e9);
        let wakes = spell.wakes;
        let times = if wakes == 1 {
            "once".to_owned()
        } else {
            format!("{wakes} times")
        };
        return Err(Problem::new(
            format!(
                "검사기가 일부러 아무 일도 일어나지 않게 한 {quiet}초 동안 '{thread}' 스레드가 {wakes}번 깨어났다가 다시 잠들었습니다. 기다리는 스레드는 기다리는 일이 일어날 때까지 깨지 않습니다. 얼마 만에 한 번이든, 자다가 일어나 확인하기를 되풀이하는 것(폴링)은 기다리는 것이 아닙니다. {tool_ko}"
            ),
            format!(
                "in {quiet} s in which the checker made sure nothing happened, thread '{thread}' woke and went back to sleep {times}. A waiting thread does not wake until what it waits for happens: sleeping and looking again, however long between looks (polling), is not waiting. {tool_en}"
            ),
        ));
    }
    let most_cpu_ns = most_cpu_ns();
    let busy = |s: &Quiet| s.cpu_ns > most_cpu_ns || s.preempted > MOST_PREEMPTED;
    let Some((thread, spell)) = spells.iter().find(|(_, s)| busy(s)) else {
        return Ok(());
    };
    let quiet = format!("{:.2}", spell.quiet_ns as f64 / 1e9);
    let cpu = format!("{:.3}", spell.cpu_ns as f64 / 1e9);
    let preempted = spell.preempted;
    Err(Problem::new(
        format!(
            "검사기가 일부러 아무 일도 일어나지 않게 한 {quiet}초 동안 '{thread}' 스레드가 잠들지 않고 CPU를 {cpu}초 쓰고 {preempted}번 CPU를 빼앗겼습니다. 기다리는 스레드는 기다리는 일이 일어날 때까지 잠들어 있습니다. 잠들지 않고 계속 확인하는 것(바쁜 대기: 돌기나 yield_now)은 기다리는 것이 아닙니다. {tool_ko}"
        ),
        format!(
            "in {quiet} s in which the checker made sure nothing happened, thread '{thread}' stayed awake: it used {cpu} s of CPU and was preempted {preempted} times. A waiting thread sleeps until what it waits for happens: looking again and again without sleeping (a busy wait: spinning, or yield_now) is not waiting. {tool_en}"
        ),
    ))
}

#[cfg(test)]
#[path = "quiet_tests.rs"]
mod tests;
