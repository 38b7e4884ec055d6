//! 24 called by the checker: a semaphore's places, each taken as soon as it frees.

use super::*;
use std::time::Duration;

pub(super) fn at_most_two_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    two_inside(run, numbers(args)[0] as usize)?;
    entered_as_a_place_freed(run)?;
    no_place_left_empty(run)?;
    // While the first "leave" is held (watched), the workers waiting for a place have nothing to
    // wake for between an "enter" and the next "leave".
    slept_through_the_quiet(
        run,
        |thread| thread.starts_with("worker "),
        [
            "세마포어로 기다리세요. 자리가 날 때까지 잠들었다가 누가 나가면 깨어납니다.",
            "Wait on a semaphore: it sleeps until a place frees, and wakes when someone leaves.",
        ],
    )
}

/// How long a place may stay free while a worker has yet to enter: a semaphore lets the next one
/// in as soon as a place frees (a wake-up, milliseconds even with both cores busy). Workers
/// bound to places by their number (two locks, worker `i` taking lock `i % 2`) leave one place
/// free while the held worker's partners wait for it: 500 ms or more with the call's numbers
/// (4 to 6 workers, 100 to 200 ms inside, the first "leave" held 900 to 1,400 ms).
const A_FREE_PLACE: Duration = Duration::from_millis(200);

/// Between the first "enter" and the last, fewer than two inside never lasted `A_FREE_PLACE`:
/// every worker was spawned at the call's start, so until the last has entered someone waits.
fn no_place_left_empty(run: &Run) -> Result<(), Problem> {
    let lines: Vec<(u64, &str)> = run
        .events_of_kind(Kind::Say)
        .into_iter()
        .map(|e| (e.t_ns, e.msg.as_str()))
        .filter(|(_, l)| l.starts_with("enter ") || l.starts_with("leave "))
        .collect();
    let Some(last_enter) = lines.iter().rposition(|(_, l)| l.starts_with("enter ")) else {
        return Ok(());
    };
    let mut inside = 0usize;
    let mut free_since: Option<u64> = None;
    for &(t, line) in &lines[..=last_enter] {
        if line.starts_with("enter ") {
            if let Some(since) = free_since.take() {
                let free = Duration::from_nanos(t.saturating_sub(since));
                if free >= A_FREE_PLACE {
                    let ms = free.as_millis();
                    return Err(Problem::new(
                        format!(
                            "자리 하나가 {ms}ms 동안 비어 있었는데, 아직 들어가지 못한 작업자가 있었습니다('{line}'이 그 뒤에 찍힘). 작업자마다 자리를 미리 정해 두면(잠금 두 개를 번호로 나누기) 비어 있는 자리를 두고도 자기 자리를 기다립니다. 자리 두 개짜리 Semaphore는 어느 자리든 비는 대로 다음 작업자를 들여보냅니다."
                        ),
                        format!(
                            "a place stayed free for {ms} ms while a worker had yet to enter ('{line}' came after it): workers bound to places beforehand (two locks, split by number) wait for their own place with another one free. A Semaphore of two places lets the next worker into whichever place frees."
                        ),
                    ));
                }
            }
            inside += 1;
        } else {
            inside = inside.saturating_sub(1);
        }
        if inside < 2 && free_since.is_none() && line.starts_with("leave ") {
            free_since = Some(t);
        }
    }
    Ok(())
}

/// Someone entered while a worker that was inside before the last leave still stayed: the call
/// holds back the first "leave" line (`leave *`), so with a semaphore the other place frees and
/// the next worker takes it; workers let in two by two (each pair joined before the next starts)
/// wait for the held one.
fn entered_as_a_place_freed(run: &Run) -> Result<(), Problem> {
    let (mut inside, mut before_a_leave) = (Vec::<&str>::new(), Vec::<&str>::new());
    for l in &run.stdout {
        if let Some(who) = l.strip_prefix("enter ") {
            if inside.iter().any(|w| before_a_leave.contains(w)) {
                return Ok(());
            }
            inside.push(who);
        } else if let Some(who) = l.strip_prefix("leave ") {
            inside.retain(|w| *w != who);
            before_a_leave = inside.clone();
        }
    }
    Err(Problem::new(
        "한 작업자가 오래 머무는 동안 다른 자리가 비었는데도, 아무도 그 자리에 들어가지 않았습니다. 작업자를 둘씩 묶어 시작하고 join하면, 짝이 모두 끝나야 다음 짝이 들어갑니다. 자리 두 개짜리 Semaphore는 자리가 비는 대로 다음 작업자를 들여보냅니다.",
        "while one worker stayed inside a long time, the other place freed and nobody took it: workers started two by two, each pair joined before the next, wait for the whole pair. A Semaphore of two places lets the next worker in as soon as a place frees.",
    ))
}
