//! The notes' exercises (01 to 12): threads, processes, the pool, a pipe, a shared value, locks.

use super::*;

fn count_together_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let (got, want) = (result(run)?, n[0] * n[1]);
    if got != want {
        return Err(wrong_result(
            got,
            want,
            "더하기 하나하나가 쪼개지지 않아야 합니다.",
            "each addition must be indivisible.",
        ));
    }
    added_by_threads(run, n[0], n[1], "one")
}

fn send_num_back_call(run: &Run, args: &[String]) -> Result<(), Problem> {
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
    let got = result(run)?;
    if got != want {
        return Err(wrong_result(
            got,
            want,
            "부모가 자기 NUM으로 계산하지 말고, 자식이 바꾼 값을 보내 받으세요(검사기는 자식의 NUM을 다른 값으로 시작합니다).",
            "do not compute it from the parent's own NUM: receive the value the child changed (the checker starts the child's NUM at another number).",
        ));
    }
    Ok(())
}

fn count_in_processes_call(run: &Run, args: &[String]) -> Result<(), Problem> {
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
    let (got, want) = (result(run)?, n[0] * n[1]);
    if got != want {
        return Err(wrong_result(
            got,
            want,
            "공유한 값에서, 읽고 쓰는 동안 `get_lock()`을 잡고 더하세요.",
            "add to a shared value, holding `get_lock()` across the read and the write.",
        ));
    }
    children_added(run, n[0] as usize, n[1] as u64)
}

/// The shared-memory reads and writes of each child of main that ended normally, from its own
/// `process_exit`.
fn children_of_main(run: &Run) -> Vec<u64> {
    run.events_of_kind(Kind::ProcessExit)
        .into_iter()
        .filter(|e| e.ppid == run.pid && e.exitcode == Some(0))
        .map(|e| e.shared.unwrap_or(0))
        .collect()
}

/// At least `processes` children of main each read or wrote the shared value `times` times or
/// more: an addition is a read and a write (or one `fetch_add`), so a child that added did; a
/// total worked out by the parent (processes × times, the children idle) is caught here.
fn children_added(run: &Run, processes: usize, times: u64) -> Result<(), Problem> {
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

fn map_in_the_pool_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    for x in 1..=n[0] {
        let computing = format!("computing {x}");
        let by = printed_by(run, &computing)?;
        if by.pid == run.pid || !by.process.starts_with("ForkPoolWorker-") {
            return Err(Problem::new(
                format!(
                    "검사기의 함수로 {} 풀의 작업 프로세스가 아니라 '{}'에서 계산했습니다. `pool.map`에 함수를 넘기세요.",
                    with(&format!("항목 {x}"), Josa::EulReul),
                    by.process
                ),
                format!(
                    "the checker's function computed item {x} in '{}', not in a pool worker: hand the function to `pool.map`.",
                    by.process
                ),
            ));
        }
    }
    let want: Vec<String> = (1..=n[0]).map(|x| (x * n[1] + 1).to_string()).collect();
    let want = want.join(" ");
    let got = run
        .stdout
        .iter()
        .find_map(|l| l.strip_prefix("result: "))
        .ok_or_else(|| never_printed("result: ..."))?;
    if got != want {
        return Err(Problem::new(
            format!("결과가 [{want}]여야 하는데 [{got}]입니다. 항목의 순서대로 돌려주세요."),
            format!("the results must be [{want}], not [{got}]: return them in the items' order."),
        ));
    }
    Ok(())
}

fn two_locks_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let want = numbers(args)[0] * 1_000;
    let line = run
        .stdout
        .iter()
        .find_map(|l| l.strip_prefix("result: "))
        .ok_or_else(|| never_printed("result: ..."))?;
    let mut parts = line
        .split(' ')
        .map(|p| p.parse::<i64>().unwrap_or(i64::MIN));
    let (sum, off) = (
        parts.next().unwrap_or(i64::MIN),
        parts.next().unwrap_or(i64::MIN),
    );
    if sum != want {
        return Err(Problem::new(
            format!(
                "옮기고 난 뒤 잔액의 합이 {want}여야 하는데 {sum}입니다. 두 잔액을 잠근 채로 바꾸세요."
            ),
            format!(
                "after the transfers the balances add up to {sum}, not {want}: change both while holding both locks."
            ),
        ));
    }
    if off != 0 {
        return Err(Problem::new(
            format!(
                "옮기는 도중에 잔액의 합이 틀린 것을 {off}번 봤습니다. 두 잠금을 함께 쥔 채로 옮기세요."
            ),
            format!(
                "the balances were seen adding up wrong {off} times in the middle of transfers: hold both locks for the whole transfer."
            ),
        ));
    }
    Ok(())
}

fn dining_philosophers_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let dinners = result(run)?;
    for p in 0..n[0] {
        let eats = format!("philosopher {p} eats");
        let count = run.stdout.iter().filter(|l| **l == eats).count() as i64;
        if count != n[1] * dinners {
            return Err(Problem::new(
                format!(
                    "{} {}번이 아니라 {count}번 먹었습니다.",
                    with(&format!("철학자 {p}"), Josa::IGa),
                    n[1] * dinners
                ),
                format!("philosopher {p} ate {count} times, not {}.", n[1] * dinners),
            ));
        }
        if printed_by(run, &eats)?.thread == "main" {
            return Err(Problem::new(
                format!(
                    "{} main 스레드가 찍었습니다. 철학자마다 스레드가 먹어야 합니다.",
                    with(&format!("'{eats}'"), Josa::EulReul)
                ),
                format!("'{eats}' was printed by the main thread: each philosopher is a thread."),
            ));
        }
    }
    Ok(())
}

fn join_the_threads(run: &Run) -> Result<(), Problem> {
    let main_end = line(run, "main thread end").ok_or_else(|| never_printed("main thread end"))?;
    for i in 0..5 {
        let end = format!("sub thread end  thread {i}");
        let quoted = format!("'{end}'");
        let Some(at) = line(run, &end) else {
            // The sleep sentence only where main went on after its last line, as a sleep does.
            let (why_ko, why_en) = if main_lingered(run) {
                (
                    "정해진 시간만큼 자는 것으로는 기다린 것이 아닙니다",
                    "Sleeping a fixed time is not waiting",
                )
            } else {
                (
                    "main은 스레드를 기다리지 않았습니다",
                    "It did not wait for them",
                )
            };
            return Err(Problem::new(
                format!(
                    "{} 찍히지 않았습니다. 스레드가 끝나기 전에 main이 반환했습니다. {why_ko}. 스레드마다 join하세요.",
                    with(&quoted, Josa::IGa)
                ),
                format!(
                    "{quoted} was never printed: main returned before its threads finished. {why_en}: join every thread."
                ),
            )
            .missing());
        };
        if at < main_end {
            return Err(Problem::new(
                format!(
                    "{} 'main thread end'보다 먼저 찍혔습니다. 마지막 줄을 찍은 뒤에 join하세요.",
                    with(&quoted, Josa::IGa)
                ),
                format!("{quoted} was printed before 'main thread end': join after the last line."),
            ));
        }
        let thread = &printed_by(run, &end)?.thread;
        let want = format!("thread {i}");
        if *thread != want {
            return Err(Problem::new(
                format!(
                    "{} 찍은 것은 '{want}'가 아니라 '{thread}' 스레드입니다.",
                    with(&quoted, Josa::EulReul)
                ),
                format!("{quoted} was printed by thread '{thread}', not '{want}'."),
            ));
        }
    }
    ended_with_its_workers(run)
}

fn move_the_name(run: &Run) -> Result<(), Problem> {
    for i in 0..5 {
        let hello = format!("hello from thread {i}");
        let quoted = format!("'{hello}'");
        if run.stdout.iter().filter(|l| **l == hello).count() != 1 {
            return Err(Problem::new(
                format!("{} 정확히 한 번 찍혀야 합니다.", with(&quoted, Josa::IGa)),
                format!("{quoted} must be printed exactly once."),
            ));
        }
        if printed_by(run, &hello)?.thread == "main" {
            return Err(Problem::new(
                format!(
                    "{} main 스레드가 찍었습니다. 새 스레드가 찍어야 합니다.",
                    with(&quoted, Josa::EulReul)
                ),
                format!("{quoted} was printed by the main thread, not by a new thread."),
            ));
        }
    }
    Ok(())
}

fn count_together(run: &Run) -> Result<(), Problem> {
    let Some(counter) = run.stdout.iter().find_map(|l| l.strip_prefix("counter: ")) else {
        return Err(never_printed("counter: ..."));
    };
    if counter != "2000000" {
        return Err(Problem::new(
            format!(
                "카운터가 2000000이 아니라 {counter}입니다. 더하기 하나하나가 쪼개지지 않아야 합니다(읽고 쓰는 두 단계면 그 사이에 다른 스레드가 끼어듭니다)."
            ),
            format!(
                "the counter is {counter}, not 2000000: each addition must be indivisible (a read, then a write, lets the other thread in between)."
            ),
        ));
    }
    Ok(())
}

fn end_the_consumer(run: &Run) -> Result<(), Problem> {
    let got: Vec<&String> = run
        .stdout
        .iter()
        .filter(|l| l.starts_with("got "))
        .collect();
    if got.len() != 15 {
        return Err(Problem::new(
            format!("소비자가 15개가 아니라 {}개를 받았습니다.", got.len()),
            format!("the consumer got {} messages, not 15.", got.len()),
        )
        .missing());
    }
    for message in got {
        if printed_by(run, message)?.thread == "main" {
            return Err(Problem::new(
                format!(
                    "{} main 스레드가 찍었습니다. 소비자 스레드가 받아서 찍어야 합니다.",
                    with(&format!("'{message}'"), Josa::EulReul)
                ),
                format!("'{message}' was printed by the main thread, not by the consumer thread."),
            ));
        }
    }
    line(run, "consumer done: 15 messages")
        .ok_or_else(|| expected(run, "consumer done: 15 messages"))?;
    ended_with_its_workers(run)
}

/// The checker's call, with its own `produce`: each producer thread prints "put <message>" before
/// it sends the message, and each message carries a number drawn on that thread. Each message got
/// once, by a thread other than main and its producer ("got <message>"), and the count returned:
/// lines printed without the channel are caught.
fn produce_and_consume_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let producers = numbers(args)[0];
    let says = run.events_of_kind(Kind::Say);
    let put: Vec<&Event> = says
        .iter()
        .copied()
        .filter(|e| e.msg.starts_with("put message "))
        .collect();
    if put.len() as i64 != producers * 5 {
        return Err(Problem::new(
            format!(
                "검사기의 `produce`가 {}개를 보내야 하는데 {}개를 보냈습니다. 받은 `produce`를 생산자 스레드마다 돌리세요.",
                producers * 5,
                put.len()
            ),
            format!(
                "the checker's `produce` must send {} messages; it sent {}: run the `produce` you were handed on each producer thread.",
                producers * 5,
                put.len()
            ),
        ));
    }
    for put in put {
        got_once(
            run,
            put,
            ["소비자 스레드", "the consumer thread"],
            |e| e.thread != "main" && e.thread != put.thread,
        )?;
    }
    let got = result(run)?;
    if got != producers * 5 {
        return Err(wrong_result(
            got,
            producers * 5,
            "소비자가 받은 수를 돌려주세요.",
            "return how many messages the consumer got.",
        ));
    }
    Ok(())
}

fn send_num_back(run: &Run) -> Result<(), Problem> {
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
        Some("43") => Ok(()),
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

fn daemon_child(run: &Run) -> Result<(), Problem> {
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

fn map_in_the_pool(run: &Run) -> Result<(), Problem> {
    let want = "results: [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]";
    line(run, want).ok_or_else(|| expected(run, want))?;
    let workers = run
        .events_of_kind(Kind::ProcessExit)
        .into_iter()
        .filter(|e| e.process.starts_with("ForkPoolWorker-"))
        .count();
    if workers == 0 {
        return Err(Problem::new(
            "풀의 작업 프로세스가 하나도 돌지 않았습니다. `Pool::map`으로 계산하세요.",
            "no pool worker ran: compute with `Pool::map`.",
        ));
    }
    Ok(())
}

fn ping_pong(run: &Run) -> Result<(), Problem> {
    rounds_over_the_pipe(run, 5, "")
}

/// The checker's call, with its own `answer`: its child prints the number it signs each pong
/// with, drawn in the child, so a parent that prints pongs it made up itself is caught.
fn ping_pong_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let rounds = numbers(args)[0] as usize;
    let head = "the checker's child signs with ";
    let Some(signed) = run
        .events_of_kind(Kind::Say)
        .into_iter()
        .find(|e| e.process == "SubProcess" && e.msg.starts_with(head))
        .map(|e| format!(" {}", &e.msg[head.len()..]))
    else {
        return Err(Problem::new(
            "검사기의 `answer`가 자식 'SubProcess'에서 돌지 않았습니다. 받은 `answer`를 그 자식의 target으로 주세요.",
            "the checker's `answer` never ran in the child 'SubProcess': give the `answer` you were handed to that child as its target.",
        ));
    };
    rounds_over_the_pipe(run, rounds, &signed)
}

/// `rounds` rounds in order: "child got ping i" printed by the child, then "parent got pong i"
/// (with `signed` after it) by the parent.
fn rounds_over_the_pipe(run: &Run, rounds: usize, signed: &str) -> Result<(), Problem> {
    let mut expected = Vec::new();
    for i in 0..rounds {
        expected.push(format!("child got ping {i}"));
        expected.push(format!("parent got pong {i}{signed}"));
    }
    // The checker's child prints what it signs with first.
    let lines = (run.stdout.iter()).filter(|l| !l.starts_with("the checker's child signs"));
    let mut lines = lines.fuse();
    for (at, want) in expected.iter().enumerate() {
        match lines.next() {
            Some(got) if got == want => {}
            Some(got) => {
                return Err(Problem::new(
                    format!(
                        "{}번째 줄이 '{want}'가 아니라 '{got}'입니다. 한 번 주고받은 뒤에 다음으로 가야 합니다.",
                        at + 1
                    ),
                    format!(
                        "line {} is '{got}', not '{want}': each round must finish before the next.",
                        at + 1
                    ),
                ));
            }
            None => return Err(never_printed(want)),
        }
    }
    for i in 0..rounds {
        let ping = format!("child got ping {i}");
        let pong = format!("parent got pong {i}{signed}");
        if printed_by(run, &ping)?.pid == run.pid || printed_by(run, &pong)?.pid != run.pid {
            return Err(Problem::new(
                "핑은 자식 프로세스가, 퐁은 부모가 받아서 찍어야 합니다.",
                "the pings must be received and printed by the child, the pongs by the parent.",
            ));
        }
    }
    Ok(())
}

fn count_in_four_processes(run: &Run) -> Result<(), Problem> {
    let children = children_of_main(run).len();
    match run.stdout.iter().find_map(|l| l.strip_prefix("total: ")) {
        Some("400000") if children >= 4 => {
            children_added(run, 4, 100_000)?;
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

fn two_locks(run: &Run) -> Result<(), Problem> {
    for moved in ["moved 10 from a to b", "moved 20 from b to a"] {
        if printed_by(run, moved)?.thread == "main" {
            return Err(Problem::new(
                format!(
                    "{} main 스레드가 찍었습니다. 두 스레드가 각각 옮겨야 합니다.",
                    with(&format!("'{moved}'"), Josa::EulReul)
                ),
                format!("'{moved}' was printed by the main thread: each transfer is a thread's."),
            ));
        }
    }
    let want = "both transfers done: a = 110, b = 90";
    line(run, want).ok_or_else(|| expected(run, want))?;
    ended_with_its_workers(run)
}

fn dining_philosophers(run: &Run) -> Result<(), Problem> {
    for p in 0..5 {
        let eats = format!("philosopher {p} eats");
        let count = run.stdout.iter().filter(|l| **l == eats).count();
        if count != 3 {
            return Err(Problem::new(
                format!(
                    "{} 세 번이 아니라 {count}번 먹었습니다.",
                    with(&format!("철학자 {p}"), Josa::IGa)
                ),
                format!("philosopher {p} ate {count} times, not 3."),
            ));
        }
        if printed_by(run, &eats)?.thread == "main" {
            return Err(Problem::new(
                format!(
                    "{} main 스레드가 찍었습니다. 철학자마다 스레드가 먹어야 합니다.",
                    with(&format!("'{eats}'"), Josa::EulReul)
                ),
                format!("'{eats}' was printed by the main thread: each philosopher is a thread."),
            ));
        }
    }
    line(run, "all philosophers ate").ok_or_else(|| never_printed("all philosophers ate"))?;
    ended_with_its_workers(run)
}

fn producer_and_consumer(run: &Run) -> Result<(), Problem> {
    for i in 0..5 {
        let got = format!("got item {i}");
        if printed_by(run, &got)?.thread != "consumer" {
            return Err(Problem::new(
                format!(
                    "{} 소비자 스레드가 찍지 않았습니다.",
                    with(&format!("'{got}'"), Josa::EulReul)
                ),
                format!("'{got}' was not printed by the consumer thread."),
            ));
        }
    }
    let producer = run
        .events_of_kind(Kind::ProcessStart)
        .into_iter()
        .any(|e| e.process == "producer" && e.ppid == run.pid);
    if !producer {
        return Err(Problem::new(
            "'producer'라는 생산자 프로세스가 시작되지 않았습니다.",
            "no producer process named 'producer' was started.",
        ));
    }
    line(run, "consumer done: 5 items").ok_or_else(|| expected(run, "consumer done: 5 items"))?;
    ended_with_its_workers(run)
}

/// The checker's call: `consume` on its thread "consumer", with the queue of the checker's own
/// producer process, which prints "put <item>" before it sends each item, and each item carries a
/// number drawn in that process. Each item got once, by the consumer ("got <item>"), and the count
/// returned: lines `consume` prints without the queue are caught.
fn consume_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let items = numbers(args)[0];
    let says = run.events_of_kind(Kind::Say);
    let put: Vec<&Event> = says
        .iter()
        .copied()
        .filter(|e| e.process == "producer" && e.pid != run.pid && e.msg.starts_with("put "))
        .collect();
    if put.len() as i64 != items {
        return Err(Problem::new(
            format!(
                "검사기의 생산자가 {items}개를 넣어야 하는데 {}개를 넣었습니다.",
                put.len()
            ),
            format!(
                "the checker's producer must put {items} items; it put {}.",
                put.len()
            ),
        ));
    }
    for put in put {
        got_once(
            run,
            put,
            ["소비자 스레드", "the consumer thread"],
            |e| e.pid == run.pid && e.thread == "consumer",
        )?;
    }
    let done = format!("consumer done: {items} items");
    if !says
        .iter()
        .any(|e| e.msg == done && e.pid == run.pid && e.thread == "consumer")
    {
        return Err(expected(run, &done));
    }
    let got = result(run)?;
    if got != items {
        return Err(wrong_result(
            got,
            items,
            "받은 물건의 수를 돌려주세요.",
            "return how many items the consumer got.",
        ));
    }
    Ok(())
}

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
            }),
        ),
        "ping-pong" => (
            ping_pong,
            Some(Probe {
                bin: "check-08",
                signature: "pub fn ping_pong(rounds: u32, answer: impl Fn(Connection, u32) + Copy + 'static)",
                // Rounds.
                args: &[(2, 9)],
                names: &[["주고받기", "rounds"]],
                check: ping_pong_call,
                late_starts: true,
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
            }),
        ),
        "two-locks" => (
            two_locks,
            Some(Probe {
                bin: "check-10",
                signature: "pub fn transfer(from: &Account, to: &Account, amount: i64)",
                // Accounts, threads, transfers per thread.
                args: &[(3, 5), (2, 4), (2_000, 5_000)],
                names: &[
                    ["계좌", "accounts"],
                    ["스레드", "threads"],
                    ["스레드마다 옮기기", "transfers per thread"],
                ],
                check: two_locks_call,
                late_starts: true,
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
            }),
        ),
        "producer-and-consumer" => (
            producer_and_consumer,
            Some(Probe {
                bin: "check-12",
                signature: "pub fn consume(q: IpcReceiver<String>) -> usize",
                // Items.
                args: &[(3, 9)],
                names: &[["물건", "items"]],
                check: consume_call,
                late_starts: true,
            }),
        ),
        _ => return None,
    })
}
