//! The waiting rules: a thread that waits for a signal or a result sleeps until it comes, from
//! the usage the trace keeps (its wakes, its CPU, its preemptions): one that polls wakes at every
//! look, one that spins burns CPU.

use super::reading::printed_by;
use super::{Problem, Seen};
use harness::{Event, Kind};
/// How many times a thread that waits for one signal may go to sleep of its own accord: the wait
/// itself, the output lock and a jittered line add a few (a waiter on an `Event` shows 1 to 3).
/// A thread that polls (a flag and a short sleep, in a loop) sleeps once a look: for the 1.2 s
/// of `main`'s own preparation, a look every 100 ms or more often is 12 or more.
pub(super) const MOST_SLEEPS_OF_A_WAITER: u64 = 10;

/// How many times a waiter may be preempted while it also used a twentieth of its wait in CPU.
/// A thread that spins on a busy machine is preempted every few milliseconds of its wait (45 to
/// 134 times in 1.2 s, with a tenth of it in CPU); a right one on a loaded machine was preempted
/// 31 times in 1.16 s, but used no CPU to speak of (a woken thread is often taken off at once).
pub(super) const MOST_PREEMPTIONS_OF_A_WAITER: u64 = 20;

/// Whether a thread with this usage spun through a wait of `waited_ns`: preempted more often than
/// a yielder's [`MOST_PREEMPTIONS_OF_A_YIELDER`], a quarter of the wait in CPU (a spinner on an
/// idle machine), or preempted again and again while it used a twentieth of
/// the wait in CPU, and at least [`LEAST_CPU_OF_A_BUSY_SPINNER_NS`] (a spinner on a busy one).
fn spun(usage: harness::Usage, waited_ns: u64) -> bool {
    let cpu_ns = usage.cpu_us.saturating_mul(1000);
    let cpu_ms = usage.cpu_us / 1000;
    (usage.preempted > MOST_PREEMPTIONS_OF_A_YIELDER && usage.preempted > 10 * cpu_ms)
        || cpu_ns > waited_ns / 4
        || (usage.preempted > MOST_PREEMPTIONS_OF_A_WAITER
            && cpu_ns > (waited_ns / 20).max(LEAST_CPU_OF_A_BUSY_SPINNER_NS))
}

/// A thread that yields in a loop (`yield_now` between tries) is put back again and again: on a
/// busy machine it gets little CPU (it gives it away) but hundreds of preemptions per millisecond
/// of it (11's try_lock-and-yield philosophers: 7,215 with 30 ms of CPU, 785 with 2.8 ms); a
/// right waiter, asleep, is preempted only while it runs (11's solution: under 60 a thread), and
/// a thread that computes on a busy machine about once per 4 ms of CPU. So: more than this, and
/// more than ten per millisecond of CPU.
const MOST_PREEMPTIONS_OF_A_YIELDER: u64 = 200;

/// Below this much CPU, being preempted often says nothing: 28's solution, in a run of 0.05 s
/// (sleeps 50 times faster) with sixteen checks side by side, used a few milliseconds starting
/// up and was preempted 24 times, and was refused as a spinner. A spinner on a busy machine
/// waiting 1.2 s used a tenth of it (120 ms); the checker's calls wait seconds.
const LEAST_CPU_OF_A_BUSY_SPINNER_NS: u64 = 30_000_000;

/// Each thread `is_waiter` picks slept through its wait of about `waited_ns`: it went to sleep at
/// most [`MOST_SLEEPS_OF_A_WAITER`] times (a poller sleeps once a look), and it neither burnt CPU
/// for a quarter of the wait (a spinner on an idle machine) nor was preempted more than
/// [`MOST_PREEMPTIONS_OF_A_WAITER`] times (a spinner on a busy one), from its `thread_end`'s usage.
pub(super) fn waited_asleep(
    run: &Seen,
    is_waiter: impl Fn(&str) -> bool,
    waited_ns: u64,
    tool: [&str; 2],
) -> Result<(), Problem> {
    slept_through(
        run,
        is_waiter,
        Some(waited_ns),
        MOST_SLEEPS_OF_A_WAITER,
        tool,
    )
}

/// [`waited_asleep`] for threads that sleep on their own too (a phase's work, a line's jitter):
/// each may go to sleep `most_sleeps` times, and its wait is its whole life (`waited_ns` None:
/// from its first event to its end) unless given.
pub(super) fn slept_through(
    run: &Seen,
    is_waiter: impl Fn(&str) -> bool,
    waited_ns: Option<u64>,
    most_sleeps: u64,
    [tool_ko, tool_en]: [&str; 2],
) -> Result<(), Problem> {
    for end in run.events_of_kind(Kind::ThreadEnd) {
        let (Some(usage), true) = (end.usage, is_waiter(&end.thread)) else {
            continue;
        };
        let thread = &end.thread;
        let waited_ns = waited_ns.unwrap_or_else(|| {
            let born = (run.events.iter())
                .filter(|e| e.pid == end.pid && e.thread == end.thread)
                .map(|e| e.t_ns)
                .min()
                .unwrap_or(end.t_ns);
            end.t_ns.saturating_sub(born)
        });
        let waited = format!("{:.2}", waited_ns as f64 / 1e9);
        if usage.switches > most_sleeps {
            return Err(Problem::new(
                format!(
                    "'{thread}' 스레드가 {waited}초를 기다리는 동안 {}번 잠들고 깨어났습니다. 짧게 자고 일어나 확인하기를 되풀이하는 것(폴링)은 기다리는 것이 아닙니다. {tool_ko}",
                    usage.switches
                ),
                format!(
                    "thread '{thread}' went to sleep and woke {} times while it waited {waited} s: sleeping briefly and looking again, over and over (polling), is not waiting. {tool_en}",
                    usage.switches
                ),
            ));
        }
        if spun(usage, waited_ns) {
            let cpu = format!("{:.2}", usage.cpu_us as f64 / 1e6);
            return Err(Problem::new(
                format!(
                    "'{thread}' 스레드가 {waited}초를 기다리는 동안 CPU를 {cpu}초 쓰고, 잠들지 않은 채 {}번 CPU를 빼앗겼습니다. 잠들지 않고 계속 확인하는 것(바쁜 대기)은 기다리는 것이 아닙니다. {tool_ko}",
                    usage.preempted
                ),
                format!(
                    "thread '{thread}' used {cpu} s of CPU while it waited {waited} s, and was preempted {} times without ever sleeping: looking again and again without sleeping (a busy wait) is not waiting. {tool_en}",
                    usage.preempted
                ),
            ));
        }
    }
    Ok(())
}

/// The main thread slept while it waited: at most `most_sleeps` times asleep, neither preempted
/// nor burning CPU as a spinner is, from the usage its process's `process_exit` carries (main's
/// thread ends with its process).
pub(super) fn main_slept(run: &Seen, most_sleeps: u64, tool: [&str; 2]) -> Result<(), Problem> {
    main_slept_at_most(run, most_sleeps, 0, tool)
}

/// [`main_slept`], allowing `per_second` more sleeps for each second main lived: where what
/// main waits with looks on its own (a pool's `get` with a time limit, as long as a result is late).
pub(super) fn main_slept_at_most(
    run: &Seen,
    most_sleeps: u64,
    per_second: u64,
    [tool_ko, tool_en]: [&str; 2],
) -> Result<(), Problem> {
    let exit = (run.events_of_kind(Kind::ProcessExit).into_iter())
        .find(|e| e.pid == run.pid && e.usage.is_some());
    let Some((exit, Some(usage))) = exit.map(|e| (e, e.usage)) else {
        return Ok(());
    };
    // From the moment the checker started the program.
    let born = (run.ended_ns).saturating_sub(run.elapsed.as_nanos() as u64);
    let lived_ns = exit.t_ns.saturating_sub(born);
    let lived = format!("{:.2}", lived_ns as f64 / 1e9);
    let most_sleeps = most_sleeps + per_second * lived_ns.div_ceil(1_000_000_000);
    if usage.switches > most_sleeps {
        return Err(Problem::new(
            format!(
                "main 스레드가 {lived}초 동안 {}번 잠들고 깨어났습니다. 짧게 자고 일어나 확인하기를 되풀이하는 것(폴링)은 기다리는 것이 아닙니다. {tool_ko}",
                usage.switches
            ),
            format!(
                "the main thread went to sleep and woke {} times in {lived} s: sleeping briefly and looking again, over and over (polling), is not waiting. {tool_en}",
                usage.switches
            ),
        ));
    }
    if spun(usage, lived_ns) {
        let cpu = format!("{:.2}", usage.cpu_us as f64 / 1e6);
        return Err(Problem::new(
            format!(
                "main 스레드가 {lived}초 동안 CPU를 {cpu}초 쓰고, 잠들지 않은 채 {}번 CPU를 빼앗겼습니다. 잠들지 않고 계속 확인하는 것(바쁜 대기)은 기다리는 것이 아닙니다. {tool_ko}",
                usage.preempted
            ),
            format!(
                "the main thread used {cpu} s of CPU in {lived} s, and was preempted {} times without ever sleeping: looking again and again without sleeping (a busy wait) is not waiting. {tool_en}",
                usage.preempted
            ),
        ));
    }
    Ok(())
}

/// The thread that printed `from` slept at most `most_sleeps` times until it printed `to`, from
/// the usage each `say` event carries (taken just before its line): a thread that waits for one
/// result between two lines wakes about once; one that polls wakes at every look.
pub(super) fn slept_between(
    run: &Seen,
    from: &str,
    to: &str,
    most_sleeps: u64,
    [tool_ko, tool_en]: [&str; 2],
) -> Result<(), Problem> {
    let (Ok(first), Ok(second)) = (printed_by(run, from), printed_by(run, to)) else {
        return Ok(());
    };
    let (Some(before), Some(after)) = (first.usage, second.usage) else {
        return Ok(());
    };
    if first.pid != second.pid || first.thread != second.thread {
        return Ok(());
    }
    let slept = after.switches.saturating_sub(before.switches);
    let waited = format!("{:.2}", second.t_ns.saturating_sub(first.t_ns) as f64 / 1e9);
    if slept > most_sleeps {
        let thread = &first.thread;
        return Err(Problem::new(
            format!(
                "'{from}'와 '{to}' 사이 {waited}초 동안 '{thread}' 스레드가 {slept}번 잠들고 깨어났습니다. 짧게 자고 일어나 확인하기를 되풀이하는 것(폴링)은 기다리는 것이 아닙니다. {tool_ko}"
            ),
            format!(
                "between '{from}' and '{to}' ({waited} s), thread '{thread}' went to sleep and woke {slept} times: sleeping briefly and looking again, over and over (polling), is not waiting. {tool_en}"
            ),
        ));
    }
    Ok(())
}

/// Main slept through the longest quiet spell between two of its lines that start with
/// `prefix` (from the usage each `say` event carries): a main asleep in `recv` wakes once when
/// the next item comes; one that looks every few milliseconds (`try_recv` and a sleep) wakes at
/// every look. It may sleep `most_sleeps` times and once more for each 100 ms of the spell (a
/// look every 10 ms wakes ten times as often); a spell under 100 ms is not judged.
pub(super) fn slept_through_the_longest_gap(
    run: &Seen,
    prefix: &str,
    most_sleeps: u64,
    tool: [&str; 2],
) -> Result<(), Problem> {
    let lines: Vec<&Event> = (run.events_of_kind(Kind::Say).into_iter())
        .filter(|e| e.pid == run.pid && e.thread == "main" && e.msg.starts_with(prefix))
        .filter(|e| e.usage.is_some())
        .collect();
    let Some(pair) = lines
        .windows(2)
        .max_by_key(|pair| pair[1].t_ns.saturating_sub(pair[0].t_ns))
    else {
        return Ok(());
    };
    let spell_ms = pair[1].t_ns.saturating_sub(pair[0].t_ns) / 1_000_000;
    if spell_ms < 100 {
        return Ok(());
    }
    slept_between(
        run,
        &pair[0].msg,
        &pair[1].msg,
        most_sleeps + spell_ms / 100,
        tool,
    )
}
