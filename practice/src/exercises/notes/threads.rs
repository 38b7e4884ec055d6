//! 01 to 04: threads joined, a name moved in, a count shared under a lock, a consumer ended.

use super::*;

pub(super) fn count_together_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let found = found(run, args)?;
    added_by_threads(&found, [n[0], n[1]], "one")?;
    added_up(
        added_total(&found)?,
        [n[0], n[1]],
        "one",
        [
            "더한 것을 잃었습니다. 더하기 하나하나가 쪼개지지 않아야 합니다.",
            "additions were lost: each addition must be indivisible.",
        ],
    )?;
    side_by_side(&found)
}

/// A second thread called `one` while the first thread's first call waited for one (up to 5 s):
/// the threads added side by side, not one after another behind a lock held around the loop.
fn side_by_side(found: &Found) -> Result<(), Problem> {
    let Found::Added { met, .. } = found else {
        return Err(unexpected(found));
    };
    if *met != Some(false) {
        return Ok(());
    }
    Err(Problem::new(
        "스레드들이 한 번도 함께 더하지 않았습니다. 첫 스레드가 `one`을 부르고 5초를 기다리는 동안 다른 스레드는 아무도 `one`을 부르지 못했습니다. 잠금을 반복문 전체나 `one()` 호출 둘레에 쥐면 스레드가 하나씩 차례로 돕니다. `one()`은 잠금 밖에서 부르고, 더하기 한 걸음만 나뉘지 않게 하세요(`fetch_add`나, 더할 때만 잡는 `lock()`).",
        "the threads never added side by side: while the first thread's first `one` waited 5 s, no other thread called `one`. A lock held around the whole loop, or around the call of `one()`, runs the threads one after another: call `one()` outside the lock, and make only the addition indivisible (`fetch_add`, or a `lock()` taken just to add).",
    ))
}

pub(super) fn join_the_threads(run: &Seen) -> Result<(), Problem> {
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
        // Only for a worker started late on purpose (thread 0 in a run whose first is late,
        // 1.1 s; the others where the rest are, 0.3 s): a main that joins before its last line
        // prints it after that worker's end, with a wide margin. For the others the margin is
        // the threads' sleep, 60 to 150 ms at the run's scale, which a loaded machine can take
        // from main before its last line (seen once).
        let straggler = run.late && (i == 0) == run.late_first;
        if at < main_end && straggler {
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
    workers_overlapped(
        run,
        |thread| thread.starts_with("thread "),
        ["다섯 스레드", "five threads"],
    )?;
    // Joining five threads sleeps main about 3 to 6 times; looking at them every 10 ms sleeps
    // it 15 times in the run as it is, and over 100 when the first starts late.
    let join = [
        "join으로 기다리세요. 스레드가 끝날 때까지 잠들었다가 끝나면 깨어납니다.",
        "Wait with join: it sleeps until the thread ends, and wakes when it does.",
    ];
    main_slept(run, 12, join)?;
    // While the first thread starts 1.1 s late and the others have ended, main has nothing to
    // wake for: a look at `is_finished` every 150 ms, or every 600, wakes it there.
    slept_through_the_quiet(run, |thread| thread == "main", join)?;
    ended_with_its_workers(run)
}

pub(super) fn move_the_name(run: &Seen) -> Result<(), Problem> {
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
    // In a run where a thread starts late on purpose, threads started before any is joined are
    // alive together; a start and a join in one loop runs them one by one.
    if run.late {
        workers_overlapped(
            run,
            |thread| thread != "main",
            ["다섯 스레드", "five threads"],
        )?;
    }
    Ok(())
}

pub(super) fn count_together(run: &Seen) -> Result<(), Problem> {
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

pub(super) fn end_the_consumer(run: &Seen) -> Result<(), Problem> {
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
pub(super) fn produce_and_consume_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let producers = numbers(args)[0];
    let says = run.events_of_kind(Kind::Say);
    let put: Vec<&Event> = says
        .iter()
        .copied()
        .filter(|e| e.msg.starts_with("put message "))
        .collect();
    let sent = put.len() as i64;
    let got = number(run, args)?;
    // Each producer sends 6 to 9 messages, drawn on its own thread: never the 5 of the learner's
    // own `produce`, so a consumer that counts to `producers * 5` stops early, every time.
    if got == producers * 5 && sent != got {
        return Err(Problem::new(
            format!(
                "소비자가 {got}개(생산자 수 × 5)를 세고 멈췄는데, 검사기의 `produce`는 생산자마다 몇 개를 보낼지 그때그때 뽑아서 모두 {sent}개를 보냈습니다. 개수를 세지 말고, 채널이 닫힐 때(보내는 쪽이 모두 drop될 때) 멈추세요."
            ),
            format!(
                "the consumer stopped after counting {got} (producers × 5), but the checker's `produce` draws how many each producer sends, and sent {sent} in all. Do not count: stop when the channel closes (when every sender is dropped)."
            ),
        ));
    }
    // A consumer that ended while a producer still put messages stopped on something other than
    // the close (a count, a spell of silence, an end marker sent once the producers were joined,
    // while the courier still held a sender).
    let done = (says.iter()).find(|e| e.msg.starts_with("consumer done: "));
    if let Some(late) = done.and_then(|done| put.iter().find(|p| p.t_ns > done.t_ns)) {
        return Err(Problem::new(
            format!(
                "소비자가 'consumer done'을 찍고 끝난 뒤에도 생산자가 '{}'을 넣었습니다. 개수를 세거나, 한동안 조용하면 끝났다고 보거나, 생산자를 조인한 뒤 보낸 끝 표시(end marker)에서 멈추는 것은 채널이 닫힌 것을 아는 것이 아닙니다(검사기의 생산자는 개수를 뽑고, 첫 생산자의 마지막 메시지는 송신자 복제본을 쥔 심부름꾼 스레드가 1~2초 뒤에 보냅니다). 보내는 쪽을 모두 drop해서 채널이 닫히면 멈추세요.",
                late.msg
            ),
            format!(
                "after the consumer printed 'consumer done' and ended, a producer still put '{}'. Counting, taking a spell of silence for the end, or stopping at an end marker sent once the producers are joined, is not knowing that the channel closed (the checker's producers draw their counts, and the first producer's last message is sent 1 to 2 s later by a courier thread that holds a clone of its sender): drop every sender, and stop when the channel closes.",
                late.msg
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
    if got != sent {
        return Err(wrong_result(
            got,
            sent,
            "소비자가 받은 수를 돌려주세요.",
            "return how many messages the consumer got.",
        ));
    }
    // The channel closes as the last producer ends: a consumer that stops on the close returns
    // at once; one that stops after a spell of silence (a `recv_timeout`) returns that long after.
    let last_got = (says.iter())
        .filter(|e| e.msg.starts_with("got message "))
        .map(|e| e.t_ns)
        .max()
        .unwrap_or(0);
    let returned = printed_by(run, "produce_and_consume returned")?.t_ns;
    let after = returned.saturating_sub(last_got);
    if after > JOIN_MARGIN_NS {
        let secs = format!("{:.1}", after as f64 / 1e9);
        return Err(Problem::new(
            format!(
                "마지막 메시지를 받고도 {secs}초 뒤에야 `produce_and_consume`가 돌아왔습니다. 한동안 조용하면 끝났다고 보는 것(시간 제한 있는 recv)은 채널이 닫힌 것을 아는 것이 아닙니다(검사기의 마지막 메시지는 1~2초 늦게 옵니다). 보내는 쪽을 모두 drop해서 채널이 닫히면 멈추세요."
            ),
            format!(
                "`produce_and_consume` returned {secs} s after the last message was got. Taking a spell of silence for the end (a recv with a time limit) is not knowing that the channel closed (the checker's last message comes 1 to 2 s late): drop every sender, and stop when the channel closes."
            ),
        ));
    }
    Ok(())
}
