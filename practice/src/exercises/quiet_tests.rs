//! The quiet-spell rule's unit tests: samples made by hand, judged as a run's would be.
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
                preempted: 0,
                cpu_ns: 0,
                state: 'S',
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
fn a_waiter_that_runs_or_is_preempted_in_a_quiet_spell_busy_waits() {
    let with = |cpu_per_sample: u64, preempted_per_sample: u64| {
        let mut events = samples(1_000, &[]);
        for (i, e) in events.iter_mut().enumerate() {
            let main = &mut e.watched.as_mut().expect("a sample")[0];
            main.cpu_ns = i as u64 * cpu_per_sample;
            main.preempted = i as u64 * preempted_per_sample;
        }
        judged(events)
    };
    with(0, 0).expect("asleep");
    // A spinner: all of its time on the CPU.
    let problem = with(50 * MS, 0).expect_err("spun");
    assert!(problem.en.contains("stayed awake"), "{}", problem.en);
    // A yielder on a busy machine: little CPU, preempted again and again.
    with(MS / 10, 40).expect_err("yielded");
    // Less than a millisecond in all (20 samples) is not a spinner.
    with(MS / 40, 0).expect("a little");
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
    // The same wake next to a worker that ran between samples (put off the CPU after its
    // line, then signalling): the worker may have woken it. A worker that sleeps throughout
    // leaves the wake judged.
    let with_worker = |worker_ran_at: Option<u64>| {
        let mut events = samples(1_000, &[600]);
        for e in &mut events {
            let ran = worker_ran_at.is_some_and(|at| at <= e.t_ns / MS);
            e.watched.as_mut().expect("a sample").push(Watched {
                thread: "worker 0".into(),
                switches: 3 + u64::from(ran),
                preempted: 1,
                cpu_ns: 5 * MS + if ran { MS / 10 } else { 0 },
                state: 'S',
            });
        }
        judged(events)
    };
    with_worker(Some(590)).expect("woken by the worker");
    with_worker(Some(640)).expect("the worker seen after the wake");
    with_worker(None).expect_err("the worker slept");
    with_worker(Some(300)).expect_err("the worker ran long before");
    // The same wake where main could run at the sample before (put off the CPU after its
    // line): its going to sleep, not a wake. Asleep at that sample, it woke.
    let with_main_running_at = |running_at: u64| {
        let mut events = samples(1_000, &[600]);
        for e in &mut events {
            e.watched.as_mut().expect("a sample")[0].state =
                if e.t_ns / MS == running_at { 'R' } else { 'S' };
        }
        judged(events)
    };
    with_main_running_at(550).expect("going to sleep");
    with_main_running_at(500).expect_err("asleep at 550, then woke");
    // Too little quiet time (events every 250 ms leave none): not judged.
    let mut events = samples(1_000, &[100, 350, 600, 850]);
    events.extend((0..5).map(|i| event(i * 250, Kind::Say, None)));
    judged(events).expect("never quiet");
}
