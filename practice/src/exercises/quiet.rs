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
    pub quiet_ns: u64,
}

/// Each watched thread (by its kernel name, `"main"` for a process's main thread) whose name
/// `is_waiter` picks, with what it did in the quiet spells: the pairs of consecutive samples of
/// one process with no other event of the run within [`MARGIN_NS`] of either.
pub(super) fn quiet_spells(
    run: &Seen,
    is_waiter: impl Fn(&str) -> bool,
) -> BTreeMap<String, Quiet> {
    let mut others: Vec<u64> = (run.events.iter())
        .filter(|e| e.kind != Kind::Watch)
        .map(|e| e.t_ns)
        .collect();
    others.sort_unstable();
    let busy = |from: u64, to: u64| {
        let at = others.partition_point(|&t| t < from.saturating_sub(MARGIN_NS));
        others.get(at).is_some_and(|&t| t <= to + MARGIN_NS)
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
        for pair in samples.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if busy(a.t_ns, b.t_ns) {
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
                spell.wakes += thread.switches.saturating_sub(was.switches);
                spell.quiet_ns += b.t_ns.saturating_sub(a.t_ns);
            }
        }
    }
    spells
}

/// No thread `is_waiter` picks went to sleep again in the run's quiet spells (see
/// [`quiet_spells`]), judged once they had [`LEAST_QUIET_NS`] of them in all: a thread asleep in
/// a wait stays asleep while nothing it waits for happens; one that sleeps a while and looks
/// again wakes, however long the while (with a few such threads, one of them surely does).
pub(super) fn slept_through_the_quiet(
    run: &Seen,
    is_waiter: impl Fn(&str) -> bool,
    [tool_ko, tool_en]: [&str; 2],
) -> Result<(), Problem> {
    let spells = quiet_spells(run, is_waiter);
    let quiet_ns: u64 = spells.values().map(|s| s.quiet_ns).sum();
    let woke = spells.iter().filter(|(_, s)| s.wakes > 0);
    let Some((thread, spell)) = woke.max_by_key(|(_, s)| s.wakes) else {
        return Ok(());
    };
    if quiet_ns < LEAST_QUIET_NS {
        return Ok(());
    }
    let quiet = format!("{:.2}", spell.quiet_ns as f64 / 1e9);
    let wakes = spell.wakes;
    let times = if wakes == 1 {
        "once".to_owned()
    } else {
        format!("{wakes} times")
    };
    Err(Problem::new(
        format!(
            "검사기가 일부러 아무 일도 일어나지 않게 한 {quiet}초 동안 '{thread}' 스레드가 {wakes}번 깨어났다가 다시 잠들었습니다. 기다리는 스레드는 기다리는 일이 일어날 때까지 깨지 않습니다. 얼마 만에 한 번이든, 자다가 일어나 확인하기를 되풀이하는 것(폴링)은 기다리는 것이 아닙니다. {tool_ko}"
        ),
        format!(
            "in {quiet} s in which the checker made sure nothing happened, thread '{thread}' woke and went back to sleep {times}. A waiting thread does not wake until what it waits for happens: sleeping and looking again, however long between looks (polling), is not waiting. {tool_en}"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use harness::{Run, Watched};

    const MS: u64 = 1_000_000;

    fn event(t_ms: u64, kind: Kind, watched: Option<Vec<Watched>>) -> Event {
        Event {
            t_ns: t_ms * MS,
            pid: 40,
            ppid: 1,
            process: "MainProcess".into(),
            thread: "worker 0".into(),
            msg: String::new(),
            kind,
            exitcode: None,
            shared: None,
            unlocked: None,
            locked: None,
            received: None,
            proxy_writes: None,
            child: Some(40),
            daemon: None,
            usage: None,
            watched,
        }
    }

    /// A sample every 50 ms from 0 to `to_ms`, main's count going up by one at each time in `wakes_at`.
    fn samples(to_ms: u64, wakes_at: &[u64]) -> Vec<Event> {
        (0..=to_ms / 50)
            .map(|i| {
                let t = i * 50;
                let switches = wakes_at.iter().filter(|&&w| w <= t).count() as u64;
                let main = Watched {
                    thread: "main".into(),
                    switches,
                };
                event(t, Kind::Watch, Some(vec![main]))
            })
            .collect()
    }

    fn judged(events: Vec<Event>) -> Result<(), Problem> {
        let run = Run::from_parts(40, "", events);
        let seen = Seen {
            run: &run,
            as_it_is: false,
            late: true,
            late_first: true,
        };
        slept_through_the_quiet(&seen, |thread| thread == "main", ["", ""])
    }

    #[test]
    fn a_wake_in_a_quiet_spell_is_polling_and_one_near_an_event_is_not() {
        // Asleep throughout: no problem.
        judged(samples(1_000, &[])).expect("asleep");
        // One wake, 600 ms in, with nothing near: polling, however coarse.
        let problem = judged(samples(1_000, &[600])).expect_err("woke");
        assert!(
            problem.en.contains("woke and went back to sleep once"),
            "{}",
            problem.en
        );
        // The same wake 50 ms after another event of the run (a line, a thread's end): the
        // event may have woken it.
        let mut events = samples(1_000, &[600]);
        events.push(event(550, Kind::Say, None));
        judged(events).expect("woken by the line");
        // Too little quiet time (events every 250 ms leave none): not judged.
        let mut events = samples(1_000, &[100, 350, 600, 850]);
        events.extend((0..5).map(|i| event(i * 250, Kind::Say, None)));
        judged(events).expect("never quiet");
    }
}
