//! A manager's dict every child writes to, and a queue drained of every producer's items.

use super::*;

/// Each child process of main (named `Process-k`) has its entry "<prefix>Process-k: <its PID>"
/// printed by the main process; there are `children` of them; a manager process ran, and each
/// child wrote through a proxy (its count of proxy writes: names and PIDs the parent lists from
/// its handles, beside a manager left unused or only looked at by the children, are caught).
pub(super) fn recorded(run: &Run, children: usize, prefix: &str) -> Result<(), Problem> {
    let started = run.events_of_kind(Kind::ProcessStart);
    let kids: Vec<&Event> = started
        .iter()
        .copied()
        .filter(|e| e.ppid == run.pid && e.process.starts_with("Process-"))
        .collect();
    if kids.len() != children {
        return Err(Problem::new(
            format!(
                "자식 프로세스가 {children}개여야 하는데 {}개 시작되었습니다.",
                kids.len()
            ),
            format!("{children} child processes must start; {} did.", kids.len()),
        ));
    }
    for kid in &kids {
        let head = format!("{prefix}{}: ", kid.process);
        let want = format!("{head}{}", kid.pid);
        let Some(got) = run.stdout.iter().find(|l| l.starts_with(&head)) else {
            return Err(Problem::new(
                format!(
                    "{}의 항목이 찍히지 않았습니다. 자식마다 dict의 복사본을 고쳤고, main의 dict에는 아무것도 없습니다. 매니저의 dict를 쓰세요.",
                    kid.process
                ),
                format!(
                    "no entry of {} was printed: each child changed its own copy of the dict, and main's has nothing. Use a manager's dict.",
                    kid.process
                ),
            ));
        };
        if *got != want {
            return Err(Problem::new(
                format!(
                    "{} 찍혔는데 {}의 PID는 {}입니다. 자식이 적은 값을 찍으세요.",
                    with(&format!("'{got}'"), Josa::IGa),
                    kid.process,
                    kid.pid
                ),
                format!(
                    "'{got}' was printed, but the PID of {} is {}: print what the child wrote.",
                    kid.process, kid.pid
                ),
            ));
        }
        if printed_by(run, &want)?.pid != run.pid {
            return Err(Problem::new(
                format!(
                    "{} 자식이 찍었습니다. 자식이 적은 dict를 main이 읽어서 찍어야 합니다.",
                    with(&format!("'{want}'"), Josa::EulReul)
                ),
                format!("'{want}' was printed by the child: main must read the dict and print it."),
            ));
        }
    }
    if !started.iter().any(|e| e.process == "SyncManager-1") {
        return Err(Problem::new(
            "매니저 프로세스가 돌지 않았습니다. dict를 매니저(`common::manager::Manager`)로 나누세요.",
            "no manager process ran: share the dict through a manager (`common::manager::Manager`).",
        ));
    }
    for kid in kids {
        if proxy_writes(run, kid.pid) == 0 {
            return Err(Problem::new(
                format!(
                    "{} 매니저의 dict에 한 번도 쓰지 않았습니다. 자기 항목은 자식이 프록시로 직접 적어야 합니다(부모가 핸들에서 읽어 적거나, 자식이 들여다보기만 하면 안 됨).",
                    with(&kid.process, Josa::IGa)
                ),
                format!(
                    "{} never wrote to the manager's dict: each child writes its own entry through its proxy (the parent writing it from its handles, or a child that only looks, does not count).",
                    kid.process
                ),
            ));
        }
    }
    Ok(())
}

pub(super) fn share_a_dict(run: &Seen) -> Result<(), Problem> {
    recorded(run, 3, "")?;
    main_read_the_dict(run)?;
    processes_overlapped(run, "Process-")?;
    ended_with_its_workers(run)
}

pub(super) fn record_pids_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    recorded(run, numbers(args)[0] as usize, "entry ")?;
    main_read_the_dict(run)?;
    processes_overlapped(run, "Process-")
}

/// Main read the dict through its proxy (the count of proxy calls its own `process_exit`
/// carries): entries main rebuilt from its own handles' names and PIDs, never reading what the
/// children wrote, are caught.
fn main_read_the_dict(run: &Seen) -> Result<(), Problem> {
    if shared_accesses(run, run.pid) == 0 {
        return Err(Problem::new(
            "main이 매니저의 딕셔너리를 한 번도 읽지 않았습니다(프록시를 부른 적이 없음). 자식이 딕셔너리에 쓴 것을 main이 읽어서 찍어야 합니다. 자기 핸들의 이름과 PID로 다시 만들지 마세요(d.items()처럼 읽으세요).",
            "main never read the manager's dict (it never called the proxy). Main prints what the children wrote into the dict, read from it: do not rebuild it from its own handles' names and PIDs (read it, as d.items() does).",
        ));
    }
    Ok(())
}

/// Main's child processes named `Process-k`, each with its PID, from the trace.
pub(super) fn children(run: &Run) -> Vec<(String, u32)> {
    run.events_of_kind(Kind::ProcessStart)
        .into_iter()
        .filter(|e| e.ppid == run.pid && e.process.starts_with("Process-"))
        .map(|e| (e.process.clone(), e.pid))
        .collect()
}

/// Main's `producers` child processes (`Process-k`, each with its PID).
pub(super) fn producer_children(
    run: &Run,
    producers: usize,
) -> Result<Vec<(String, u32)>, Problem> {
    let kids = children(run);
    if kids.len() != producers {
        return Err(Problem::new(
            format!(
                "생산자 프로세스가 {producers}개여야 하는데 {}개 시작되었습니다.",
                kids.len()
            ),
            format!(
                "{producers} producer processes must start; {} did.",
                kids.len()
            ),
        ));
    }
    Ok(kids)
}

/// `producers` child processes; each item of each ("item i from Process-k (pid P)", with the
/// child's real PID) got once, printed by the main process.
pub(super) fn drained(run: &Run, producers: usize, items: u32) -> Result<(), Problem> {
    let kids = producer_children(run, producers)?;
    for (name, pid) in kids {
        for i in 0..items {
            let got = format!("got item {i} from {name} (pid {pid})");
            let quoted = format!("'{got}'");
            let count = run.stdout.iter().filter(|l| **l == got).count();
            if count == 0 {
                return Err(Problem::new(
                    format!(
                        "{} 찍히지 않았습니다. 그 물건이 오기 전에 main이 받기를 그만뒀습니다. 지금 큐가 비어 있다고 끝난 것이 아닙니다. 보내는 쪽이 모두 사라질 때까지 받으세요.",
                        with(&quoted, Josa::IGa)
                    ),
                    format!(
                        "{quoted} was never printed: main stopped taking items before it came. A queue empty now is not the end: take items until every sender is gone."
                    ),
                )
                .missing());
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
            if printed_by(run, &got)?.pid != run.pid {
                return Err(Problem::new(
                    format!(
                        "{} 자식 프로세스가 찍었습니다. main이 큐에서 받아서 찍어야 합니다.",
                        with(&quoted, Josa::EulReul)
                    ),
                    format!(
                        "{quoted} was printed by a child: main takes it off the queue and prints it."
                    ),
                ));
            }
        }
    }
    Ok(())
}

pub(super) fn drain_the_queue(run: &Seen) -> Result<(), Problem> {
    drained(run, 3, 4)?;
    line(run, "main got 12 items").ok_or_else(|| expected(run, "main got 12 items"))?;
    ended_with_its_workers(run)
}

/// The checker's call: its own `produce` prints "put <item>" in each child before it sends the
/// item, and the item carries a number drawn in that child. Each child's items, each got once
/// by main ("got <item>"): lines made from the producers' handles, without the queue, are caught.
pub(super) fn drain_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let (producers, items) = (n[0] as usize, n[1] as u32);
    let kids = producer_children(run, producers)?;
    let says = run.events_of_kind(Kind::Say);
    // Each producer drew how many it puts (at least `items`): main must get what they put.
    let put: Vec<&Event> = (says.iter().copied())
        .filter(|e| kids.iter().any(|(_, pid)| e.pid == *pid) && e.msg.starts_with("put item "))
        .collect();
    let got = number(run, args)?;
    // The producers rest 1.5 to 2.5 s halfway, together (drawn in each): main, asleep in `recv`,
    // wakes about once in that quiet spell; a main that tries the queue and sleeps 10 ms wakes a
    // hundred times (the second blind review's, which passed).
    let recv = [
        "큐에서 막히는 recv로 기다리세요. 비었는지 자꾸 들여다보지 마세요.",
        "wait in the queue's blocking recv, not by looking again and again whether it is empty.",
    ];
    slept_through_the_longest_gap(run, "got ", 5, recv)?;
    // While every producer rests (watched from the children), main has nothing to wake for:
    // one that looks every 300 ms, too few to count, wakes there.
    slept_through_the_quiet(run, |thread| thread == "main", recv)?;
    let counted = n[0] * n[1];
    if got == counted && put.len() as i64 != counted {
        return Err(Problem::new(
            format!(
                "main이 {got}개(생산자 수 × 물건 수)를 세고 멈췄는데, 검사기의 `produce`는 생산자마다 몇 개를 넣을지 그때그때 뽑아서 모두 {}개를 넣었습니다. 개수를 세지 말고, 큐가 닫힐 때(보내는 쪽이 모두 사라져 recv가 에러를 돌려줄 때) 멈추세요.",
                put.len()
            ),
            format!(
                "main stopped after counting {got} (producers × items), but the checker's `produce` draws how many each producer puts, and they put {} in all. Do not count: stop when the queue closes (when every sender is gone and recv returns an error).",
                put.len()
            ),
        ));
    }
    for (name, pid) in kids {
        for i in 0..items {
            let head = format!("put item {i} from {name} (pid {pid}) #");
            if !put.iter().any(|e| e.pid == pid && e.msg.starts_with(&head)) {
                return Err(Problem::new(
                    format!(
                        "검사기의 `produce`가 {name}에서 {i}번 물건을 넣지 않았습니다. 받은 `produce`를 생산자 프로세스마다 target으로 주세요."
                    ),
                    format!(
                        "the checker's `produce` never put item {i} in {name}: give the `produce` you were handed to each producer process as its target."
                    ),
                ));
            }
        }
    }
    for put in &put {
        got_once(run, put, ["main", "main"], |e| e.pid == run.pid)?;
    }
    let want = put.len() as i64;
    if got != want {
        return Err(wrong_result(
            got,
            want,
            "받은 물건의 수를 돌려주세요.",
            "return how many items main got.",
        ));
    }
    Ok(())
}
