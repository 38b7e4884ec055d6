//! The exercises' checks: `exercises/info.toml` lists the exercises, this file says how each is
//! checked.
//!
//! A check reads a finished run of the learner's program (stdout, the trace, the exit status)
//! and names, in the learner's terms, the first property that does not hold.

use crate::korean::{Josa, with};
use harness::{Event, Kind, Run};

/// What is wrong, in Korean and in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub ko: String,
    pub en: String,
}

impl Problem {
    pub fn new(ko: impl Into<String>, en: impl Into<String>) -> Self {
        Problem {
            ko: ko.into(),
            en: en.into(),
        }
    }
}

pub type Check = fn(&Run) -> Result<(), Problem>;

/// One exercise: folder `exercises/<id>-<package>/` (its code, and its hint in `hint.ko.md` and
/// `hint.en.md`, which the book shows too), solution under `exercises/solutions/`.
#[derive(Debug)]
pub struct Exercise {
    pub id: &'static str,
    pub package: &'static str,
    pub title: [&'static str; 2],
    /// What a program that never ends usually lacks.
    pub hang_hint: [&'static str; 2],
    /// What the checker verifies, in words.
    pub checks: [&'static str; 2],
    pub check: Check,
    /// The checker's own call of the exercise's function (`exercises/checks/`), if it has one.
    pub probe: Option<Probe>,
}

/// The checker calls the exercise's function with numbers the learner never sees: a binary of
/// the exercise's package (`exercises/checks/<folder>.rs`) that calls it with its arguments and
/// prints `result: <value>`.
#[derive(Debug)]
pub struct Probe {
    /// The binary's name.
    pub bin: &'static str,
    /// The function, as the exercise declares it.
    pub signature: &'static str,
    /// The ranges the call's arguments are picked from, each anew on every check.
    pub args: &'static [(u64, u64)],
    /// What the call's run must show, given its arguments.
    pub check: fn(&Run, &[String]) -> Result<(), Problem>,
    /// Whether the call runs with the plans' late workers too. Not where the call perturbs its
    /// threads itself (`interrupt_threads`) and a late start would only make it slower.
    pub late_starts: bool,
}

impl Probe {
    /// The function's name.
    pub fn name(&self) -> &str {
        self.signature
            .split('(')
            .next()
            .and_then(|head| head.rsplit(' ').next())
            .unwrap_or(self.signature)
    }
}

/// A number from `low` to `high` picked by `random`, and `random` moved on.
fn pick(random: &mut u64, low: u64, high: u64) -> u64 {
    *random ^= *random << 13;
    *random ^= *random >> 7;
    *random ^= *random << 17;
    low + *random % (high - low + 1)
}

impl Probe {
    /// The arguments for one call: a number from each range, picked by `random`.
    pub fn pick_args(&self, mut random: u64) -> Vec<String> {
        self.args
            .iter()
            .map(|&(low, high)| pick(&mut random, low, high).to_string())
            .collect()
    }
}

fn numbers(args: &[String]) -> Vec<i64> {
    args.iter().map(|a| a.parse().unwrap_or(0)).collect()
}

/// What the call printed as `result: <value>`.
fn result(run: &Run) -> Result<i64, Problem> {
    let line = run
        .stdout
        .iter()
        .find_map(|l| l.strip_prefix("result: "))
        .ok_or_else(|| never_printed("result: ..."))?;
    Ok(line.parse().unwrap_or(i64::MIN))
}

fn wrong_result(got: i64, want: i64, ko: &str, en: &str) -> Problem {
    Problem::new(
        format!(
            "{} 돌려줘야 하는데 {} 돌려줬습니다. {ko}",
            with(&want.to_string(), Josa::EulReul),
            with(&got.to_string(), Josa::EulReul)
        ),
        format!("it must return {want} but returned {got}. {en}"),
    )
}

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
    Ok(())
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
    let children = run
        .events_of_kind(Kind::ProcessExit)
        .into_iter()
        .filter(|e| e.ppid == run.pid && e.exitcode == Some(0))
        .count() as i64;
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

impl Exercise {
    pub fn folder(&self) -> String {
        format!("{}-{}", self.id, self.package)
    }
}

fn line(run: &Run, text: &str) -> Option<usize> {
    run.stdout.iter().position(|l| l == text)
}

/// `want` was not printed: with what was printed in its place (a line that begins the same
/// way, up to its first `:`), if anything was.
fn expected(run: &Run, want: &str) -> Problem {
    let head = want.split_once(':').map_or(want, |(head, _)| head);
    let instead = run
        .stdout
        .iter()
        .find(|l| *l != want && l.starts_with(head) && head.len() >= 4);
    match instead {
        Some(got) => Problem::new(
            format!(
                "{} 찍혀야 하는데 {} 찍혔습니다.",
                with(&format!("'{want}'"), Josa::IGa),
                with(&format!("'{got}'"), Josa::IGa)
            ),
            format!("'{want}' was expected; '{got}' was printed."),
        ),
        None => never_printed(want),
    }
}

fn never_printed(text: &str) -> Problem {
    let quoted = format!("'{text}'");
    Problem::new(
        format!("{} 찍히지 않았습니다.", with(&quoted, Josa::IGa)),
        format!("{quoted} was never printed."),
    )
}

/// Who printed `text` (the first line equal to it), from the trace. A line printed with
/// `println!` is not in the trace: which thread or process printed it cannot be seen.
fn printed_by<'a>(run: &'a Run, text: &str) -> Result<&'a Event, Problem> {
    if let Some(event) = run
        .events_matching(harness::exact(text))
        .into_iter()
        .find(|e| e.kind == Kind::Say)
    {
        return Ok(event);
    }
    if line(run, text).is_some() {
        let quoted = format!("'{text}'");
        return Err(Problem::new(
            format!(
                "{} `println!`으로 찍혀서 어느 스레드나 프로세스가 찍었는지 확인할 수 없습니다. 이 연습은 그것을 확인하므로 `say!`로 찍으세요.",
                with(&quoted, Josa::IGa)
            ),
            format!(
                "{quoted} was printed with `println!`, so the checker cannot see which thread or process printed it; this exercise checks that: print it with `say!`."
            ),
        ));
    }
    Err(never_printed(text))
}

/// How long `main` may go on after its last worker's own last event. Waiting by `join` ends it
/// within milliseconds (even with both cores busy); a fixed sleep long enough for the second
/// plan's late worker (0.7 s) outlasts the first plan's workers by more than this, so no fixed
/// sleep passes both.
const JOIN_MARGIN_NS: u64 = 800_000_000;

/// `main` ended soon after its last worker (a thread of its own or a child process) did: it
/// waited for them, rather than sleeping a fixed time.
fn ended_with_its_workers(run: &Run) -> Result<(), Problem> {
    let last = run
        .events
        .iter()
        .filter(|e| e.pid != run.pid || e.thread != "main")
        .map(|e| e.t_ns)
        .max();
    let Some(last) = last else {
        return Ok(());
    };
    // The main process's own last word (its `process_exit`, written as the last step of its
    // exit), else the moment the checker saw it end: a loaded machine can be slow to tell the
    // checker, and that delay is not the program's.
    let ended = run
        .events_of_kind(Kind::ProcessExit)
        .into_iter()
        .filter(|e| e.pid == run.pid)
        .map(|e| e.t_ns)
        .max()
        .unwrap_or(run.ended_ns);
    let after = ended.saturating_sub(last);
    if after > JOIN_MARGIN_NS {
        let secs = format!("{:.1}", after as f64 / 1e9);
        return Err(Problem::new(
            format!(
                "마지막 작업자가 끝나고도 main이 {secs}초 더 있다가 끝났습니다. 정해진 시간만큼 자는 것은 기다리는 것이 아닙니다(작업자가 늦으면 모자라고, 빠르면 남습니다). join으로 기다리세요."
            ),
            format!(
                "main went on for {secs} s after its last worker ended. Sleeping a fixed time is not waiting (too short when a worker is late, too long when it is quick): wait with join."
            ),
        ));
    }
    Ok(())
}

fn join_the_threads(run: &Run) -> Result<(), Problem> {
    let main_end = line(run, "main thread end").ok_or_else(|| never_printed("main thread end"))?;
    for i in 0..5 {
        let end = format!("sub thread end  thread {i}");
        let quoted = format!("'{end}'");
        let Some(at) = line(run, &end) else {
            return Err(Problem::new(
                format!(
                    "{} 찍히지 않았습니다. 스레드가 끝나기 전에 main이 반환했습니다. 정해진 시간만큼 자는 것으로는 기다린 것이 아닙니다. 스레드마다 join하세요.",
                    with(&quoted, Josa::IGa)
                ),
                format!(
                    "{quoted} was never printed: main returned before its threads finished. Sleeping a fixed time is not waiting: join every thread."
                ),
            ));
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
        ));
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
    let mut expected = Vec::new();
    for i in 0..5 {
        expected.push(format!("child got ping {i}"));
        expected.push(format!("parent got pong {i}"));
    }
    for (at, want) in expected.iter().enumerate() {
        match run.stdout.get(at) {
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
    for i in 0..5 {
        let ping = format!("child got ping {i}");
        let pong = format!("parent got pong {i}");
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
    let children = run
        .events_of_kind(Kind::ProcessExit)
        .into_iter()
        .filter(|e| e.ppid == run.pid && e.exitcode == Some(0))
        .count();
    match run.stdout.iter().find_map(|l| l.strip_prefix("total: ")) {
        Some("400000") if children >= 4 => ended_with_its_workers(run),
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

/// How long a worker may take to go after "main: go" when it waits for the signal: a woken thread
/// runs within milliseconds, even with both cores busy. A worker that sleeps a fixed time in place
/// of waiting must sleep past the 1.2 s main prepares in `main`, and then goes more than a second
/// late when the checker's call prepares for less than 0.1 s.
const GO_MARGIN_NS: u64 = 600_000_000;

/// "main: go" by the main thread; each "worker i goes" once, by thread "worker i", after it.
fn released_after_go(run: &Run, workers: usize) -> Result<(), Problem> {
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

fn wait_for_the_go(run: &Run) -> Result<(), Problem> {
    released_after_go(run, 3)?;
    ended_with_its_workers(run)
}

fn release_after_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let workers = numbers(args)[0] as usize;
    released_after_go(run, workers)?;
    let go = printed_by(run, "main: go")?.t_ns;
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
fn two_inside(run: &Run, workers: usize) -> Result<(), Problem> {
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

fn two_at_a_time(run: &Run) -> Result<(), Problem> {
    two_inside(run, 6)?;
    ended_with_its_workers(run)
}

fn at_most_two_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    two_inside(run, numbers(args)[0] as usize)
}

/// Each child process of main (named `Process-k`) has its entry "<prefix>Process-k: <its PID>"
/// printed by the main process; there are `children` of them; a manager process ran.
fn recorded(run: &Run, children: usize, prefix: &str) -> Result<(), Problem> {
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
    for kid in kids {
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
    Ok(())
}

fn share_a_dict(run: &Run) -> Result<(), Problem> {
    recorded(run, 3, "")?;
    ended_with_its_workers(run)
}

fn record_pids_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    recorded(run, numbers(args)[0] as usize, "entry ")
}

/// The check of the exercise whose package is `package` (the list itself is
/// `exercises/info.toml`), and the checker's call of its function if it has one.
pub fn mechanism(package: &str) -> Option<(Check, Option<Probe>)> {
    Some(match package {
        "join-the-threads" => (join_the_threads, None),
        "move-the-name" => (move_the_name, None),
        "count-together" => (
            count_together,
            Some(Probe {
                bin: "check-03",
                signature: "pub fn count_together(threads: usize, times: u64) -> u64",
                args: &[(2, 4), (300_000, 800_000)],
                check: count_together_call,
                late_starts: true,
            }),
        ),
        "end-the-consumer" => (end_the_consumer, None),
        "send-num-back" => (
            send_num_back,
            Some(Probe {
                bin: "check-05",
                signature: "pub fn num_after_the_child() -> i32",
                // `NUM` in the parent, and (a different number) in the child as it starts.
                args: &[(100, 499), (500, 999)],
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
                check: map_in_the_pool_call,
                late_starts: true,
            }),
        ),
        "ping-pong" => (ping_pong, None),
        "count-in-four-processes" => (
            count_in_four_processes,
            Some(Probe {
                bin: "check-09",
                signature: "pub fn count_in_processes(processes: usize, times: i32) -> i32",
                args: &[(2, 5), (20_000, 50_000)],
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
                check: dining_philosophers_call,
                late_starts: false,
            }),
        ),
        "producer-and-consumer" => (producer_and_consumer, None),
        "wait-for-the-go" => (
            wait_for_the_go,
            Some(Probe {
                bin: "check-13",
                signature: "pub fn release_after(workers: usize, prep_ms: u64)",
                // Workers, and a short preparation: a worker that sleeps past `main`'s 1.2 s
                // is then more than a second late.
                args: &[(2, 5), (10, 80)],
                check: release_after_call,
                // A late start would add to the time after the signal.
                late_starts: false,
            }),
        ),
        "two-at-a-time" => (
            two_at_a_time,
            Some(Probe {
                bin: "check-14",
                signature: "pub fn at_most_two(workers: usize, inside_ms: u64)",
                args: &[(4, 8), (100, 200)],
                check: at_most_two_call,
                // A late start holds its place unseen (the delay comes before its "enter"), so
                // two inside together shows only without one; `main`'s 0.5 s inside outlasts the
                // plans' 0.3 s.
                late_starts: false,
            }),
        ),
        "share-a-dict" => (
            share_a_dict,
            Some(Probe {
                bin: "check-15",
                signature: "pub fn record_pids(children: usize) -> Vec<(String, u32)>",
                args: &[(2, 6)],
                check: record_pids_call,
                late_starts: true,
            }),
        ),
        _ => return None,
    })
}

/// One exercise as `exercises/info.toml` lists it.
#[derive(Debug, serde::Deserialize)]
struct Listed {
    id: String,
    package: String,
    title: Words,
    hang: Option<Words>,
    checks: Words,
}

#[derive(Debug, serde::Deserialize)]
struct Words {
    ko: String,
    en: String,
}

#[derive(Debug, serde::Deserialize)]
struct InfoToml {
    exercise: Vec<Listed>,
}

fn keep(text: String) -> &'static str {
    // The list is read once and lives as long as the program.
    Box::leak(text.into_boxed_str())
}

/// The exercises of `exercises/info.toml` under `root`, in order, each with its check.
pub fn load(root: &std::path::Path) -> Result<Vec<Exercise>, String> {
    let path = root.join("info.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let info: InfoToml = toml::from_str(&text).map_err(|e| {
        format!(
            "{}: {}",
            path.display(),
            e.to_string().lines().next().unwrap_or("")
        )
    })?;
    info.exercise
        .into_iter()
        .map(|listed| {
            let (check, probe) = mechanism(&listed.package).ok_or_else(|| {
                format!(
                    "{}: no check for the package {:?} (practice/src/exercises.rs)",
                    path.display(),
                    listed.package
                )
            })?;
            let hang = listed.hang.unwrap_or(Words {
                ko: String::new(),
                en: String::new(),
            });
            Ok(Exercise {
                id: keep(listed.id),
                package: keep(listed.package),
                title: [keep(listed.title.ko), keep(listed.title.en)],
                hang_hint: [keep(hang.ko), keep(hang.en)],
                checks: [keep(listed.checks.ko), keep(listed.checks.en)],
                check,
                probe,
            })
        })
        .collect()
}

/// Whether every process the run started is gone (a daemon child is ended at exit).
pub fn nothing_left(run: &Run) -> Result<(), Problem> {
    for pid in run.pids() {
        if !harness::reap::wait_gone(pid, std::time::Duration::from_secs(1)) {
            return Err(Problem::new(
                format!("main이 끝난 뒤에도 자식 프로세스(pid {pid})가 돌고 있었습니다."),
                format!("a child process (pid {pid}) was still running after main ended."),
            ));
        }
    }
    Ok(())
}
