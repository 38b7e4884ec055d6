//! 05, 06 and 09: a value a child cannot send back, a daemon child, a count in four processes.

use super::*;

pub(super) fn send_num_back_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    // The child starts with the second number: only its value, sent back, is right.
    let want = numbers(args)[1] + 1;
    let child_line = format!("num in the child: {want}");
    let child = printed_by(run, &child_line)?;
    if child.pid == run.pid || child.ppid != run.pid {
        return Err(Problem::new(
            format!(
                "{} 자식 프로세스가 찍지 않았습니다.",
                with(&format!("'{child_line}'"), Josa::EulReul)
            ),
            format!("'{child_line}' was not printed by a child process."),
        ));
    }
    let got = number(run, args)?;
    if got != want {
        return Err(wrong_result(
            got,
            want,
            "부모가 자기 NUM으로 계산하지 말고, 자식이 바꾼 값을 보내 받으세요(검사기는 자식의 NUM을 다른 값으로 시작합니다).",
            "do not compute it from the parent's own NUM: receive the value the child changed (the checker starts the child's NUM at another number).",
        ));
    }
    main_received(run)
}

/// Main took the child's value off the pipe (the count its own `process_exit` carries): a value
/// passed through a file, or any other way round the pipe, leaves it 0.
fn main_received(run: &Seen) -> Result<(), Problem> {
    let exit = (run.events_of_kind(Kind::ProcessExit).into_iter())
        .find(|e| e.pid == run.pid && e.process == "MainProcess");
    if exit.and_then(|e| e.received) == Some(0) {
        return Err(Problem::new(
            "부모(main)가 파이프에서 아무것도 받지 않았습니다(never received). 자식이 값을 파일 같은 다른 길로 넘겼습니다. 자식이 파이프로 보내고(conn.send) 부모가 받게 하세요(conn.recv).",
            "the parent (main) never received anything from the pipe: the child passed its value another way (a file?). Let the child send it over the pipe (conn.send) and the parent receive it (conn.recv).",
        ));
    }
    Ok(())
}

pub(super) fn count_in_processes_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let children = children_of_main(run).len() as i64;
    if children < n[0] {
        return Err(Problem::new(
            format!(
                "자식 프로세스 {}개가 더해야 하는데 {children}개만 제대로 끝났습니다.",
                n[0]
            ),
            format!(
                "{} child processes must do the adding; {children} ended normally.",
                n[0]
            ),
        ));
    }
    let (got, want) = (number(run, args)?, n[0] * n[1]);
    if got != want {
        return Err(wrong_result(
            got,
            want,
            "공유한 값에서, 읽고 쓰는 동안 `get_lock()`을 잡고 더하세요.",
            "add to a shared value, holding `get_lock()` across the read and the write.",
        ));
    }
    children_added(run, n[0] as usize, n[1] as u64)?;
    children_locked(run)?;
    locked_each_step(run, n[1] as u64)
}

/// No child of main held its lock around many additions at once: a child that took the lock
/// at all took it for each read-then-write (`times` times; the `locked` count its
/// `process_exit` carries). One lock around the whole loop gives the right total, and runs the
/// children one after another. A child that adds with `fetch_add` takes no lock, and is right.
fn locked_each_step(run: &Run, times: u64) -> Result<(), Problem> {
    let around = (run.events_of_kind(Kind::ProcessExit).into_iter())
        .find(|e| e.ppid == run.pid && e.locked.is_some_and(|n| n > 0 && n < times));
    let Some(child) = around else {
        return Ok(());
    };
    let n = child.locked.unwrap_or(0);
    Err(Problem::new(
        format!(
            "자식 프로세스 '{}'(pid {})가 {times}번 더하면서 잠금은 {n}번만 잡았습니다. 잠금을 반복문 전체에 쥐면 합은 맞아도 자식들이 하나씩 차례로 돕니다. 읽고 쓰는 한 걸음마다 잠그세요.",
            child.process, child.pid
        ),
        format!(
            "child process '{}' (pid {}) added {times} times and took the lock only {n} times: a lock held around the whole loop gives the right total, and runs the children one after another. Lock each read-then-write.",
            child.process, child.pid
        ),
    ))
}

/// No child of main wrote the shared value without holding its lock (the `unlocked` count its
/// `process_exit` carries): a read-then-write is right only under the lock, whatever total a run
/// happens to give (children run one after another give the right total with no lock at all).
pub(super) fn children_locked(run: &Run) -> Result<(), Problem> {
    let unlocked = (run.events_of_kind(Kind::ProcessExit).into_iter())
        .find(|e| e.ppid == run.pid && e.unlocked.is_some_and(|n| n > 0));
    if let Some(child) = unlocked {
        let n = child.unlocked.unwrap_or(0);
        return Err(Problem::new(
            format!(
                "자식 프로세스 '{}'(pid {})가 잠금을 잡지 않은 채 공유 값을 {n}번 썼습니다. 합이 맞았더라도 자식들이 차례로 돌았기 때문일 뿐입니다. 읽고 쓰는 동안 `get_lock()`을 잡으세요(또는 한 번에 더하는 `fetch_add`를 쓰세요).",
                child.process, child.pid
            ),
            format!(
                "child process '{}' (pid {}) wrote the shared value {n} times without holding its lock. If the total came out right, it is only because the children ran one after another: hold `get_lock()` across the read and the write (or add in one step with `fetch_add`).",
                child.process, child.pid
            ),
        ));
    }
    Ok(())
}

/// The shared-memory reads and writes of each child of main that ended normally, from its own
/// `process_exit`.
pub(super) fn children_of_main(run: &Run) -> Vec<u64> {
    run.events_of_kind(Kind::ProcessExit)
        .into_iter()
        .filter(|e| e.ppid == run.pid && e.exitcode == Some(0))
        .map(|e| e.shared.unwrap_or(0))
        .collect()
}

/// At least `processes` children of main each read or wrote the shared value `times` times or
/// more: an addition is a read and a write (or one `fetch_add`), so a child that added did; a
/// total worked out by the parent (processes × times, the children idle) is caught here.
pub(super) fn children_added(run: &Run, processes: usize, times: u64) -> Result<(), Problem> {
    let counts = children_of_main(run);
    let added = counts.iter().filter(|&&c| c >= times).count();
    if added < processes {
        let fewest = counts.iter().min().copied().unwrap_or(0);
        return Err(Problem::new(
            format!(
                "자식 프로세스 {processes}개가 각자 {times}번 더해야 하는데, 공유 값을 {times}번 이상 읽고 쓴 자식은 {added}개뿐입니다(가장 적은 자식은 {fewest}번). 합을 부모가 계산하지 말고 자식이 더하게 하세요."
            ),
            format!(
                "{processes} child processes must each add {times} times, but only {added} read and wrote the shared value {times} times or more (the fewest: {fewest}): let the children do the adding, not the parent work out the total."
            ),
        ));
    }
    Ok(())
}

pub(super) fn send_num_back(run: &Seen) -> Result<(), Problem> {
    let child = printed_by(run, "num in the child: 43")?;
    if child.pid == run.pid {
        return Err(Problem::new(
            "'num in the child: 43'을 자식이 아니라 부모가 찍었습니다.",
            "'num in the child: 43' was printed by the parent, not by a child.",
        ));
    }
    match run
        .stdout
        .iter()
        .find_map(|l| l.strip_prefix("num in the parent: "))
    {
        Some("43") => main_received(run),
        Some(other) => Err(Problem::new(
            format!(
                "부모가 43이 아니라 {} 찍었습니다. 자식은 자기 복사본을 바꿨습니다(fork가 복사함). 값을 보내 주세요.",
                with(other, Josa::EulReul)
            ),
            format!(
                "the parent printed {other}, not 43: the child changed its own copy (fork copies); send the value back."
            ),
        )),
        None => Err(never_printed("num in the parent: 43")),
    }
}

pub(super) fn daemon_child(run: &Seen) -> Result<(), Problem> {
    // A daemon child is ended as main ends, perhaps before it wrote its own `process_start`:
    // its `process_exit`, written by the parent that reaped it, counts too.
    let started = run.events.iter().any(|e| {
        matches!(e.kind, Kind::ProcessStart | Kind::ProcessExit)
            && e.process == "Sub Process"
            && e.ppid == run.pid
    });
    if !started {
        return Err(Problem::new(
            "'Sub Process'라는 자식 프로세스가 시작되지 않았습니다. 자식을 만들고 start하세요.",
            "no child process named 'Sub Process' was started: make the child and start it.",
        ));
    }
    if line(run, "Sub Process end").is_some() {
        return Err(Problem::new(
            "'Sub Process end'가 찍혔습니다. main이 자식을 기다렸습니다. 자식을 데몬으로 만드세요.",
            "'Sub Process end' was printed: main waited for its child. Make the child a daemon.",
        ));
    }
    daemon_ended_by_the_exit(run, "Sub Process")?;
    // Ended by main's end, not by itself: main ends a daemon as it exits (the `process_exit` it
    // writes for it says "killed by signal"), after its last line. A child that returned has an
    // exit of its own; one killed before main's last line was ended by hand.
    let main_end = (run.events_of_kind(Kind::Say).into_iter())
        .find(|e| e.pid == run.pid && e.msg == "Main Process end")
        .map(|e| e.t_ns);
    for exit in run.events_of_kind(Kind::ProcessExit) {
        if exit.process != "Sub Process" || exit.pid == run.pid {
            continue;
        }
        if exit.exitcode.is_some_and(|code| code >= 0) {
            return Err(Problem::new(
                "자식이 main이 끝나기를 기다리지 않고 스스로 끝났습니다(함수에서 돌아옴). 자식은 main이 끝날 때까지 돌고 있다가 main과 함께 끝나야 합니다. 할 일을 지우지 말고 자식을 데몬으로 만드세요.",
                "the child ended by itself (it returned from its function) instead of being ended by main's end. It must still be running when main ends, and end with it: keep its work and make it a daemon.",
            ));
        }
        if main_end.is_some_and(|end| exit.t_ns < end) {
            return Err(Problem::new(
                "자식이 main의 마지막 줄보다 먼저 끝났습니다(main이 직접 죽였습니다). 데몬은 main이 끝날 때 함께 끝납니다.",
                "the child ended before main's last line (main killed it itself). A daemon is ended by main's end.",
            ));
        }
    }
    // The child may still print its start after main's last line, before main's end ends it:
    // what must be last is main's own line.
    let after_end: Vec<&String> = run
        .stdout
        .iter()
        .skip_while(|l| *l != "Main Process end")
        .skip(1)
        .collect();
    if line(run, "Main Process end").is_none()
        || after_end.iter().any(|l| *l != "Sub Process start")
    {
        return Err(Problem::new(
            "main의 마지막 줄이 'Main Process end'가 아닙니다.",
            "main's last line is not 'Main Process end'.",
        ));
    }
    Ok(())
}

pub(super) fn count_in_four_processes(run: &Seen) -> Result<(), Problem> {
    let children = children_of_main(run).len();
    match run.stdout.iter().find_map(|l| l.strip_prefix("total: ")) {
        Some("400000") if children >= 4 => {
            children_added(run, 4, 100_000)?;
            children_locked(run)?;
            locked_each_step(run, 100_000)?;
            ended_with_its_workers(run)
        }
        Some("400000") => Err(Problem::new(
            format!("자식 프로세스 넷이 더해야 하는데 {children}개만 제대로 끝났습니다."),
            format!("four child processes must do the adding; {children} ended normally."),
        )),
        Some("0") => Err(Problem::new(
            "합계가 400000이 아니라 0입니다. 프로세스마다 자기 복사본을 바꿨습니다(fork가 복사함). `common::shm::Value`를 쓰세요.",
            "the total is 0, not 400000: each process changed its own copy (fork copies); use `common::shm::Value`.",
        )),
        Some(other) => Err(Problem::new(
            format!(
                "합계가 400000이 아니라 {other}입니다. 읽고 쓰는 동안 `get_lock()`을 잡으세요."
            ),
            format!(
                "the total is {other}, not 400000: hold `get_lock()` across the read and the write."
            ),
        )),
        None => Err(never_printed("total: 400000")),
    }
}
