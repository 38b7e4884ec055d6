//! 10 to 12: two locks taken in one order, the dining philosophers, a producer and a consumer.

use super::*;

pub(super) fn two_locks_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let want = numbers(args)[0] * 1_000;
    let (sum, off, held_up, waited) = match found(run, args)? {
        Found::Balances {
            sum,
            seen_wrong,
            held_up,
            waited,
        } => (sum, seen_wrong, held_up, waited),
        other => return Err(unexpected(&other)),
    };
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
    if held_up == Some(true) {
        return Err(Problem::new(
            "두 계좌 사이의 옮기기가, 세 번째 계좌를 기다리는 다른 옮기기 뒤에서 5초 동안 기다렸습니다. 모든 옮기기를 잠금 하나로 감싸면 교착은 없지만 서로 상관없는 옮기기까지 하나씩 차례로 돕니다. 두 계좌 자기 잠금을, 정해진 한 순서로 잡으세요.",
            "a transfer between two free accounts waited 5 s behind another transfer that waited for a third account: one lock around every transfer cannot deadlock, and runs even unrelated transfers one at a time. Take the two accounts' own locks, in one fixed order.",
        ));
    }
    // Asleep on the lock: a few wakes (the solution: 1 or 2) and next to no CPU, against one
    // wake per try for a try-and-back-off loop with a nap, and the whole hold's share of a core
    // without one (30 ms is under a tenth of the shortest hold even with both cores busy).
    // Watched while the lock is held: asleep on it, the mover neither wakes, runs nor is
    // preempted; a yield_now loop on a busy machine uses little CPU but is preempted again and
    // again.
    slept_through_the_quiet(
        run,
        |thread| thread == "mover",
        [
            "두 잠금을 정해진 한 순서로 잡아서, 잠긴 쪽에서는 잠들어 기다리게 하세요(try_lock으로 잡았다 놓기를 되풀이하지 말고).",
            "Take the two locks in one fixed order, so that a transfer sleeps on the lock that is taken (not try_lock, let go and retry).",
        ],
    )?;
    if let Some(w) = waited
        && (w.switches > 10 || w.cpu_us > 30_000)
    {
        let (hold, wakes, cpu) = (w.hold_ms, w.switches, w.cpu_us / 1_000);
        return Err(Problem::new(
            format!(
                "검사기가 계좌 하나의 잠금을 {hold}ms 동안 쥐고 있는 사이에, 그 계좌로 옮기는 스레드가 {wakes}번 깨어나고 CPU를 {cpu}ms 썼습니다. 잡았다가 놓고 다시 잡기를 되풀이하면(try_lock) 교착은 피하지만, 잠금 순서를 정한 것이 아닙니다. 두 잠금을 정해진 한 순서로 잡아서, 잠긴 쪽에서는 잠들어 기다리게 하세요."
            ),
            format!(
                "while the checker held one account's lock for {hold} ms, a transfer to that account woke {wakes} times and used {cpu} ms of CPU: taking, trying and letting go again (try_lock) avoids the deadlock without an order. Take the two locks in one fixed order, so that a transfer sleeps on the lock that is taken."
            ),
        ));
    }
    Ok(())
}

pub(super) fn dining_philosophers_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let dinners = number(run, args)?;
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
    workers_overlapped(
        run,
        |t| t != "main",
        ["철학자 스레드", "philosopher threads"],
    )?;
    // A philosopher waits for a fork asleep on its lock: one that tries the fork, lets go of the
    // other and tries again (try_lock, back off, yield) burns its waits in CPU. Sleeps are not
    // counted: a philosopher asleep on a contended fork sleeps once a meal or more.
    let forks = [
        "포크를 정해진 순서로 잡고, 잡힌 포크는 그 잠금에서 잠들어 기다리세요(try_lock으로 잡았다 놓기를 되풀이하지 말고).",
        "Take the forks in a fixed order and wait for a taken one asleep on its lock (not try_lock, let go and retry).",
    ];
    slept_through(run, |t| t != "main", None, u64::MAX, forks)?;
    // Philosopher 0's first meal is held (watched): whoever waits for its forks meanwhile, with
    // nothing else happening, sleeps; a yield_now loop is preempted again and again.
    slept_through_the_quiet(run, |t| t != "main" && t != "interrupter", forks)
}

pub(super) fn two_locks(run: &Seen) -> Result<(), Problem> {
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

pub(super) fn dining_philosophers(run: &Seen) -> Result<(), Problem> {
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

pub(super) fn producer_and_consumer(run: &Seen) -> Result<(), Problem> {
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
pub(super) fn consume_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let says = run.events_of_kind(Kind::Say);
    let put: Vec<&Event> = says
        .iter()
        .copied()
        .filter(|e| e.process == "producer" && e.pid != run.pid && e.msg.starts_with("put "))
        .collect();
    // The producer drew how many it puts: what the consumer must get is what it put.
    let items = put.len() as i64;
    let got = number(run, args)?;
    if got == 5 && items != 5 {
        return Err(Problem::new(
            format!(
                "소비자가 5개를 세고 멈췄는데, 검사기의 생산자는 몇 개를 넣을지 그때그때 뽑아서 {items}개를 넣었습니다. 개수를 세지 말고, 큐가 닫힐 때(recv가 에러를 돌려줄 때) 멈추세요."
            ),
            format!(
                "the consumer stopped after counting 5, but the checker's producer draws how many it puts, and put {items}. Do not count: stop when the queue closes (when recv returns an error)."
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
    if got != items {
        return Err(wrong_result(
            got,
            items,
            "받은 물건의 수를 돌려주세요.",
            "return how many items the consumer got.",
        ));
    }
    // The checker's producer waits 60 to 120 ms (real time) between items: a consumer asleep in
    // `recv` wakes about once an item; one that polls wakes at every look.
    let recv = [
        "`recv`에서 잠든 채 다음 물건을 기다리세요(`try_recv`와 짧은 sleep을, 또는 시간 제한 있는 recv를 되풀이하지 말고).",
        "Wait asleep in `recv` for the next item (not `try_recv` and short sleeps, or a recv with a time limit, over and over).",
    ];
    // Not judged by the quiet spells yet: under scripts/soak's load a right consumer woke once
    // in a spell (seen twice in one soak run), woken from another process (the producer's
    // send, put off past the margin after its line?), which the watch of one process cannot
    // see. See `tests/open/README.md`.
    slept_through(
        run,
        |t| t == "consumer",
        None,
        MOST_SLEEPS_OF_A_WAITER + 2 * items as u64,
        recv,
    )
}
