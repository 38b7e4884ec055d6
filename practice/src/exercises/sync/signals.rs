//! Event, Semaphore and Condition: a go every worker waits for, two inside at a time, a wait in a loop.

use super::*;

/// How long a worker may take to go after "main: go" when it waits for the signal: a woken thread
/// runs within milliseconds, even with both cores busy. A worker that sleeps a fixed time in place
/// of waiting must sleep past the 1.2 s main prepares in `main`, and then goes more than a second
/// late when the checker's call prepares for less than 0.1 s.
pub(super) const GO_MARGIN_NS: u64 = 600_000_000;

/// "main: go" by the main thread; each "worker i goes" once, by thread "worker i", after it.
pub(super) fn released_after_go(run: &Run, workers: usize) -> Result<(), Problem> {
    let go = "main: go";
    if printed_by(run, go)?.thread != "main" {
        return Err(Problem::new(
            "'main: go'는 main 스레드가 찍어야 합니다.",
            "'main: go' must be printed by the main thread.",
        ));
    }
    let go_at = line(run, go).ok_or_else(|| never_printed(go))?;
    for i in 0..workers {
        let goes = format!("worker {i} goes");
        let quoted = format!("'{goes}'");
        let at = line(run, &goes).ok_or_else(|| never_printed(&goes))?;
        if at < go_at {
            return Err(Problem::new(
                format!(
                    "{} 'main: go'보다 먼저 찍혔습니다. 작업자가 신호를 기다리지 않았습니다. Event를 기다리세요(wait).",
                    with(&quoted, Josa::IGa)
                ),
                format!(
                    "{quoted} was printed before 'main: go': the worker did not wait for the signal. Wait on an Event."
                ),
            ));
        }
        let thread = &printed_by(run, &goes)?.thread;
        if *thread != format!("worker {i}") {
            return Err(Problem::new(
                format!(
                    "{} '{thread}' 스레드가 찍었습니다. 'worker {i}' 스레드가 찍어야 합니다.",
                    with(&quoted, Josa::EulReul)
                ),
                format!("{quoted} was printed by '{thread}', not by the thread 'worker {i}'."),
            ));
        }
    }
    Ok(())
}

/// What a worker of 25 must wait with, when it polled or spun instead.
const WAIT_ON_THE_EVENT: [&str; 2] = [
    "Event의 wait()로 기다리세요. 신호가 올 때까지 잠들었다가 set()에 한 번 깨어납니다.",
    "Wait with the Event's wait(): it sleeps until the signal, and set() wakes it once.",
];

/// The workers slept through their wait for "main: go": about as long as main prepared, from
/// the program's start to the signal (nothing is written before it: a worker that waits writes
/// its first event as it goes, and main prints "main: go" first).
fn slept_until_the_go(run: &Seen) -> Result<(), Problem> {
    let go = printed_by(run, "main: go")?.t_ns;
    let first = (run.ended_ns).saturating_sub(run.elapsed.as_nanos() as u64);
    waited_asleep(
        run,
        |thread| thread.starts_with("worker "),
        go.saturating_sub(first),
        WAIT_ON_THE_EVENT,
    )
}

pub(super) fn wait_for_the_go(run: &Seen) -> Result<(), Problem> {
    released_after_go(run, 3)?;
    slept_until_the_go(run)?;
    ended_with_its_workers(run)
}

pub(super) fn release_after_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let workers = numbers(args)[0] as usize;
    released_after_go(run, workers)?;
    slept_until_the_go(run)?;
    // While "main: go" is held (watched), the workers have nothing to wake for: one that spins
    // on a flag runs, or is preempted again and again.
    slept_through_the_quiet(
        run,
        |thread| thread.starts_with("worker "),
        WAIT_ON_THE_EVENT,
    )?;
    let go = printed_by(run, "main: go")?.t_ns;
    // The workers wait for the signal: they are all alive before it (seen by the checker's
    // watcher), not started after it.
    match found(run, args)? {
        Found::AllAliveAt(Some(at)) if at < go => {}
        Found::AllAliveAt(_) => {
            return Err(Problem::new(
                "'main: go'가 찍히기 전에 작업자 스레드가 모두 살아 있지 않았습니다. 신호를 보낸 뒤에 작업자를 시작하면 아무도 신호를 기다리지 않습니다. 작업자를 먼저 시작하고, Event를 기다리게 하세요.",
                "the worker threads were not all alive before 'main: go': workers started after the signal never wait for it. Start the workers first, and let them wait on the Event.",
            ));
        }
        other => return Err(unexpected(&other)),
    }
    for i in 0..workers {
        let goes = format!("worker {i} goes");
        let late = printed_by(run, &goes)?.t_ns.saturating_sub(go);
        if late > GO_MARGIN_NS {
            let secs = format!("{:.1}", late as f64 / 1e9);
            return Err(Problem::new(
                format!(
                    "{} 신호보다 {secs}초 늦게 찍혔습니다. 정해진 시간만큼 자는 것은 신호를 기다리는 것이 아닙니다(main의 준비가 짧으면 늦고, 길면 이릅니다). Event를 기다리세요.",
                    with(&format!("'{goes}'"), Josa::IGa)
                ),
                format!(
                    "'{goes}' came {secs} s after the signal. Sleeping a fixed time is not waiting for it (late when main prepares briefly, early when it takes long): wait on an Event."
                ),
            ));
        }
    }
    Ok(())
}

/// Each "enter i" and "leave i" once, by thread "worker i", enter first; never more than two
/// inside at once (counted in the order stdout received the lines: a worker prints "enter" after
/// taking its place and "leave" before giving it back), and two together at some point.
pub(super) fn two_inside(run: &Run, workers: usize) -> Result<(), Problem> {
    for i in 0..workers {
        for text in [format!("enter {i}"), format!("leave {i}")] {
            let count = run.stdout.iter().filter(|l| **l == text).count();
            if count != 1 {
                return Err(Problem::new(
                    format!(
                        "{} 한 번이 아니라 {count}번 찍혔습니다.",
                        with(&format!("'{text}'"), Josa::IGa)
                    ),
                    format!("'{text}' was printed {count} times, not once."),
                ));
            }
            let thread = &printed_by(run, &text)?.thread;
            if *thread != format!("worker {i}") {
                return Err(Problem::new(
                    format!(
                        "{} '{thread}' 스레드가 찍었습니다. 'worker {i}' 스레드가 찍어야 합니다.",
                        with(&format!("'{text}'"), Josa::EulReul)
                    ),
                    format!("'{text}' was printed by '{thread}', not by the thread 'worker {i}'."),
                ));
            }
        }
    }
    let (mut inside, mut most) = (0usize, 0usize);
    for l in &run.stdout {
        if l.starts_with("enter ") {
            inside += 1;
            most = most.max(inside);
            if inside > 2 {
                return Err(Problem::new(
                    format!(
                        "{} 찍힐 때 {inside}명이 안에 있었습니다. 한 번에 둘까지만 들어가야 합니다. 자리 두 개짜리 Semaphore를 쓰세요.",
                        with(&format!("'{l}'"), Josa::IGa)
                    ),
                    format!(
                        "when '{l}' was printed, {inside} were inside: at most two may be. Use a Semaphore of two places."
                    ),
                ));
            }
        } else if l.starts_with("leave ") {
            inside = inside.saturating_sub(1);
        }
    }
    if most < 2 {
        return Err(Problem::new(
            "한 번에 하나씩만 들어갔습니다. 둘이 함께 들어갈 수 있어야 합니다. 잠금(Mutex)이 아니라 자리 두 개짜리 Semaphore를 쓰세요.",
            "only one was ever inside: two must be able to be inside together. Use a Semaphore of two places, not a lock.",
        ));
    }
    Ok(())
}

pub(super) fn two_at_a_time(run: &Seen) -> Result<(), Problem> {
    two_inside(run, 6)?;
    ended_with_its_workers(run)
}

/// Each "consumed i" (i below `items`) once, by a consumer thread, after "produced i".
pub(super) fn consumed_each_once(run: &Run, items: u32) -> Result<(), Problem> {
    for i in 0..items {
        let consumed = format!("consumed {i}");
        let quoted = format!("'{consumed}'");
        let count = run.stdout.iter().filter(|l| **l == consumed).count();
        if count == 0 {
            return Err(Problem::new(
                format!(
                    "{} 찍히지 않았습니다. 소비자가 빈 선반을 보고 깨어나서 끝난 줄 알고 그만뒀습니다. 깨어날 때마다 조건을 다시 보세요(`while`).",
                    with(&quoted, Josa::IGa)
                ),
                format!(
                    "{quoted} was never printed: the consumers woke to an empty shelf, took it for the end and quit. Check the condition again after every wake-up (`while`)."
                ),
            ));
        }
        if count > 1 {
            return Err(Problem::new(
                format!(
                    "{} {count}번 찍혔습니다. 물건마다 한 번입니다.",
                    with(&quoted, Josa::IGa)
                ),
                format!("{quoted} was printed {count} times: once per item."),
            ));
        }
        let thread = &printed_by(run, &consumed)?.thread;
        if !thread.starts_with("consumer ") {
            return Err(Problem::new(
                format!(
                    "{} '{thread}' 스레드가 찍었습니다. 소비자 스레드가 꺼내서 찍어야 합니다.",
                    with(&quoted, Josa::EulReul)
                ),
                format!("{quoted} was printed by '{thread}', not by a consumer thread."),
            ));
        }
        let produced = format!("produced {i}");
        let made = line(run, &produced).ok_or_else(|| never_printed(&produced))?;
        if line(run, &consumed) < Some(made) {
            return Err(Problem::new(
                format!(
                    "{} '{produced}'보다 먼저 찍혔습니다. 선반에서 꺼낸 물건을 찍으세요.",
                    with(&quoted, Josa::IGa)
                ),
                format!("{quoted} came before '{produced}': print the items taken off the shelf."),
            ));
        }
    }
    Ok(())
}

pub(super) fn wait_in_a_loop(run: &Seen) -> Result<(), Problem> {
    consumed_each_once(run, 9)?;
    let left = "left on the shelf: 0";
    line(run, left).ok_or_else(|| expected(run, left))?;
    ended_with_its_workers(run)
}

pub(super) fn consume_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    consumed_each_once(run, n[1] as u32)?;
    if n[2] == 0 {
        // No bell: a consumer that waits on the condition wakes about once for each item it is
        // notified of, and once at the end; one that polls the shelf wakes once a look.
        let condvar = [
            "Condvar의 wait()로 기다리세요. 물건이 올 때까지 잠들었다가 notify에 깨어납니다.",
            "Wait with the Condvar's wait(): it sleeps until an item comes, and a notify wakes it.",
        ];
        let consumer = |thread: &str| thread.starts_with("consumer ");
        slept_through(run, consumer, None, n[1] as u64 + 10, condvar)?;
        // Between two items (0.8 to 1.1 s), no consumer has anything to wake for.
        slept_through_the_quiet(run, consumer, condvar)?;
    }
    match found(run, args)? {
        Found::LeftOver(0) => Ok(()),
        Found::LeftOver(left) => Err(Problem::new(
            format!("선반에 물건이 {left}개 남았습니다. 소비자가 전부 꺼내야 합니다."),
            format!("{left} items were left on the shelf: the consumers must take them all."),
        )),
        other => Err(unexpected(&other)),
    }
}
