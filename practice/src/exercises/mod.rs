//! The exercises' checks: `exercises/info.toml` lists the exercises, this module says how each
//! checked.
//!
//! A check reads a finished run of the learner's program (stdout, the trace, the exit status)
//! and names, in the learner's terms, the first property that does not hold.

use crate::korean::{Josa, with};
use harness::{Event, Kind, Run};

mod capstone;
mod ipc;
mod methods;
mod notes;
mod pool;
mod refused;
mod sync;

/// What is wrong, in Korean and in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub ko: String,
    pub en: String,
    /// Whether what is wrong is that something never happened (a line never printed): then a
    /// thread cut off by main's end may explain it.
    pub missing: bool,
}

impl Problem {
    pub fn new(ko: impl Into<String>, en: impl Into<String>) -> Self {
        Problem {
            ko: ko.into(),
            en: en.into(),
            missing: false,
        }
    }

    /// The problem, as one of something that never happened.
    pub fn missing(self) -> Self {
        Problem {
            missing: true,
            ..self
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
    /// The chapter it belongs to (`[[chapter]]` in `info.toml`).
    pub chapter: [&'static str; 2],
    /// What a program that never ends usually lacks.
    pub hang_hint: [&'static str; 2],
    /// What the checker verifies, in words.
    pub checks: [&'static str; 2],
    pub check: Check,
    /// The checker's own call of the exercise's function (`exercises/checks/`), if it has one.
    pub probe: Option<Probe>,
    /// A keyword the exercise's code must not use (`unsafe`, where the lesson is to do without).
    pub forbids: Option<&'static str>,
}

impl Exercise {
    /// The first line of `source` (comments aside) that uses the keyword this exercise forbids.
    pub fn forbidden_in(&self, source: &str) -> Option<String> {
        let word = self.forbids?;
        source
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .find(|code| {
                code.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .any(|token| token == word)
            })
            .map(|code| code.trim().to_owned())
    }
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
    /// What each argument is, in Korean and English, as the report names it ("계좌 5").
    pub names: &'static [[&'static str; 2]],
    /// What the call's run must show, given its arguments.
    pub check: fn(&Run, &[String]) -> Result<(), Problem>,
    /// Whether the call runs with the plans' late workers too. Not where the call perturbs its
    /// threads itself (`interrupt_threads`) and a late start would only make it slower.
    pub late_starts: bool,
}

impl Probe {
    /// The arguments picked, each with its name: "(accounts 5, threads 4, ...)".
    pub fn named(&self, args: &[String]) -> [String; 2] {
        let pairs = |lang: usize| -> String {
            let each: Vec<String> = (self.names.iter().zip(args))
                .map(|(name, value)| format!("{} {value}", name[lang]))
                .collect();
            format!("({})", each.join(", "))
        };
        [pairs(0), pairs(1)]
    }

    /// The function's name.
    pub fn name(&self) -> &str {
        // The function's name: after the last "fn ", up to its generics or its arguments.
        let after = self
            .signature
            .rsplit("fn ")
            .next()
            .unwrap_or(self.signature);
        after.split(['(', '<']).next().unwrap_or(after)
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

/// What the checker's own producer put (`put`, its "put <thing>" line; the thing carries a number
/// drawn where it was put) printed as "got <thing>" exactly once by the receiver (its name in
/// Korean and English; `by` tells its lines): it came off the channel, queue or pipe, for only
/// there could it be read.
fn got_once(
    run: &Run,
    put: &Event,
    [receiver_ko, receiver]: [&str; 2],
    by: impl Fn(&Event) -> bool,
) -> Result<(), Problem> {
    let got = format!("got {}", &put.msg["put ".len()..]);
    let quoted = format!("'{got}'");
    let printed = run
        .events_of_kind(Kind::Say)
        .into_iter()
        .filter(|e| e.msg == got && by(e))
        .count();
    if printed == 0 {
        return Err(Problem::new(
            format!(
                "{} {} 찍지 않았습니다. 그것에는 넣은 쪽이 뽑은 번호가 붙어 있어서, 받아야만 찍을 수 있습니다.",
                with(receiver_ko, Josa::IGa),
                with(&quoted, Josa::EulReul)
            ),
            format!(
                "{receiver} never printed {quoted}: it carries a number drawn where it was put, which can be printed only by taking it off the channel, queue or pipe."
            ),
        )
        .missing());
    }
    if printed > 1 {
        return Err(Problem::new(
            format!(
                "{} {printed}번 찍혔습니다. 하나에 한 번입니다.",
                with(&quoted, Josa::IGa)
            ),
            format!("{quoted} was printed {printed} times: once each."),
        ));
    }
    Ok(())
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
    .missing()
}

/// At least `threads` threads other than the caller each made `times` additions through the
/// checker's `function` (its lines "additions by other threads: [...]" and "additions by the
/// caller: n", from `exercises/checks/adders.rs`): a total worked out on the calling thread,
/// the threads idle, is caught.
fn added_by_threads(run: &Run, threads: i64, times: i64, function: &str) -> Result<(), Problem> {
    let counted = |prefix: &str| -> Vec<i64> {
        let listed = run.stdout.iter().find_map(|l| l.strip_prefix(prefix));
        listed
            .unwrap_or_default()
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|v| v.parse().ok())
            .collect()
    };
    let others = counted("additions by other threads: ");
    let by_caller = counted("additions by the caller: ")
        .first()
        .copied()
        .unwrap_or(0);
    let added = others.iter().filter(|&&c| c >= times).count() as i64;
    if added < threads {
        return Err(Problem::new(
            format!(
                "스레드 {threads}개가 각자 검사기의 `{function}`으로 {times}번 더해야 하는데, 그렇게 더한 스레드는 {added}개입니다(부른 스레드가 더한 것은 {by_caller}번). 합을 부른 스레드에서 구하지 말고, 스레드마다 `{function}`으로 더하게 하세요."
            ),
            format!(
                "{threads} threads must each add {times} times with the checker's `{function}`; {added} did (the calling thread added {by_caller} times): let each thread add with `{function}`, rather than working out the total on the calling thread."
            ),
        ));
    }
    Ok(())
}

/// How many times the child `pid` read or wrote a shared `Value` or `Array` or called a proxy,
/// from its own `process_exit` (0 when it wrote none: killed, or not started by `common`).
fn shared_accesses(run: &Run, pid: u32) -> u64 {
    run.events_of_kind(Kind::ProcessExit)
        .into_iter()
        .find_map(|e| (e.pid == pid).then_some(e.shared).flatten())
        .unwrap_or(0)
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

/// One line, printed once, by a thread whose name begins with `by`.
fn once_by(run: &Run, text: &str, by: &str) -> Result<usize, Problem> {
    let quoted = format!("'{text}'");
    let count = run.stdout.iter().filter(|l| **l == text).count();
    if count != 1 {
        let problem = Problem::new(
            format!(
                "{} 한 번이 아니라 {count}번 찍혔습니다.",
                with(&quoted, Josa::IGa)
            ),
            format!("{quoted} was printed {count} times, not once."),
        );
        return Err(if count == 0 {
            problem.missing()
        } else {
            problem
        });
    }
    let thread = &printed_by(run, text)?.thread;
    if !thread.starts_with(by) {
        let (who_ko, who_en) = if by == "main" {
            ("main 스레드가".to_owned(), "the main thread".to_owned())
        } else {
            (
                format!("이름이 '{}…'인 스레드가", by.trim_end()),
                format!("a thread named '{}…'", by.trim_end()),
            )
        };
        return Err(Problem::new(
            format!(
                "{} '{thread}' 스레드가 찍었습니다. {who_ko} 찍어야 합니다.",
                with(&quoted, Josa::EulReul)
            ),
            format!("{quoted} was printed by '{thread}', not by {who_en}."),
        ));
    }
    Ok(line(run, text).unwrap_or(0))
}

/// How long `main` may go on after its last worker's own last event. Waiting by `join` ends it
/// within milliseconds (even with both cores busy); a fixed sleep long enough for the second
/// plan's late worker (1.1 s) outlasts the first plan's workers by more than this, so no fixed
/// sleep passes both.
const JOIN_MARGIN_NS: u64 = 800_000_000;

thread_local! {
    /// Whether the run being checked on this thread is the one that measures how long `main`
    /// outlasts its workers: the first plan's, as it is. The perturbed plans pause at each
    /// printed line, `main`'s own last lines too, so there a loaded machine can stretch the
    /// time after the last worker past the margin with nothing wrong (the practice tests saw 1.1 s).
    static MARGIN_MEASURED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `check` with the margin after the last worker measured or not (see `MARGIN_MEASURED`).
pub fn measuring_margin<T>(measured: bool, check: impl FnOnce() -> T) -> T {
    let before = MARGIN_MEASURED.replace(measured);
    let result = check();
    MARGIN_MEASURED.set(before);
    result
}

/// Whether this check measures the margin after the last worker.
fn margin_measured() -> bool {
    MARGIN_MEASURED.get()
}

/// `main` ended soon after its last worker (a thread of its own or a child process) did: it
/// waited for them, rather than sleeping a fixed time. Measured in the run as it is.
fn ended_with_its_workers(run: &Run) -> Result<(), Problem> {
    if !margin_measured() {
        return Ok(());
    }
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

/// The check of the exercise whose package is `package` (the list itself is
/// `exercises/info.toml`), and the checker's call of its function if it has one.
pub fn mechanism(package: &str) -> Option<(Check, Option<Probe>)> {
    notes::mechanism(package)
        .or_else(|| sync::mechanism(package))
        .or_else(|| ipc::mechanism(package))
        .or_else(|| pool::mechanism(package))
        .or_else(|| refused::mechanism(package))
        .or_else(|| methods::mechanism(package))
        .or_else(|| capstone::mechanism(package))
}

/// One exercise as `exercises/info.toml` lists it.
#[derive(Debug, serde::Deserialize)]
struct Listed {
    id: String,
    package: String,
    title: Words,
    hang: Option<Words>,
    checks: Words,
    forbids: Option<String>,
}

#[derive(Debug, serde::Deserialize)]
struct Words {
    ko: String,
    en: String,
}

/// A chapter: from its `first` exercise to the next chapter's.
#[derive(Debug, serde::Deserialize)]
struct Chapter {
    first: String,
    title: Words,
}

#[derive(Debug, serde::Deserialize)]
struct InfoToml {
    chapter: Vec<Chapter>,
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
    let chapters: Vec<(String, [&'static str; 2])> = (info.chapter.into_iter())
        .map(|c| (c.first, [keep(c.title.ko), keep(c.title.en)]))
        .collect();
    info.exercise
        .into_iter()
        .map(|listed| {
            let chapter = (chapters.iter().rev())
                .find(|(first, _)| *first <= listed.id)
                .map(|(_, title)| *title)
                .ok_or_else(|| format!("{}: {} is in no chapter", path.display(), listed.id))?;
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
                chapter,
                hang_hint: [keep(hang.ko), keep(hang.en)],
                checks: [keep(listed.checks.ko), keep(listed.checks.en)],
                check,
                probe,
                forbids: listed.forbids.map(keep),
            })
        })
        .collect()
}

/// Each thread name names one thread in its process: the checks judge a line by the name of the
/// thread that printed it, so a fresh thread of the same name for each line or each phase (the
/// workers started and joined again, in place of keeping them) would pass them. The trace writes
/// a `thread_start` at a thread's first line: two of one name in one process are two threads.
pub fn one_thread_per_name(run: &Run) -> Result<(), Problem> {
    let mut seen: Vec<(u32, &str)> = Vec::new();
    for start in run.events_of_kind(Kind::ThreadStart) {
        let thread = (start.pid, start.thread.as_str());
        if !seen.contains(&thread) {
            seen.push(thread);
            continue;
        }
        let name = &start.thread;
        return Err(Problem::new(
            format!(
                "'{name}'라는 이름의 스레드가 여럿 있었습니다. 이름이 같아도 다른 스레드입니다. 줄마다, 단계마다 새 스레드를 만들지 말고 한 스레드가 처음부터 끝까지 일하게 하세요."
            ),
            format!(
                "there were several threads named '{name}': the same name is not the same thread. Do not start a new thread for each line or phase; let one thread do its work from start to end."
            ),
        ));
    }
    Ok(())
}

/// Whether main went on for a while after its last line (a sleep, or waiting for something): the
/// trace has no sleep events, but a main that returns at once ends within a millisecond or two of
/// its last line.
fn main_lingered(run: &Run) -> bool {
    let of_main = |kind: Kind| {
        (run.events.iter())
            .filter(|e| e.pid == run.pid && e.kind == kind)
            .map(|e| e.t_ns)
            .max()
    };
    match (of_main(Kind::Say), of_main(Kind::ProcessExit)) {
        (Some(last), Some(exit)) => exit.saturating_sub(last) > 20_000_000,
        _ => false,
    }
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

#[cfg(test)]
mod tests {
    #[test]
    fn a_forbidden_keyword_counts_in_code_not_in_comments() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../exercises");
        let all = super::load(&root).expect("the exercises");
        let exercise = all
            .iter()
            .find(|e| e.forbids == Some("unsafe"))
            .expect("an exercise that forbids unsafe");
        assert_eq!(
            exercise.forbidden_in("// no unsafe here\nlet x = 1; // unsafe { }\n"),
            None
        );
        assert_eq!(
            exercise.forbidden_in("fn f() {\n    unsafe { X += 1 } // why not\n}\n"),
            Some("unsafe { X += 1 }".to_owned())
        );
        assert_eq!(exercise.forbidden_in("let unsafely = 1;\n"), None);
    }

    #[test]
    fn every_argument_the_checker_picks_has_a_name() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../exercises");
        let all = super::load(&root).expect("the exercises");
        let probes: Vec<_> = all.iter().filter_map(|e| e.probe.as_ref()).collect();
        assert!(probes.len() >= 30, "{} probes", probes.len());
        for probe in probes {
            assert_eq!(probe.names.len(), probe.args.len(), "{}", probe.bin);
        }
        let ten = all
            .iter()
            .find(|e| e.id == "10")
            .and_then(|e| e.probe.as_ref());
        let named = ten
            .expect("10 has a probe")
            .named(&["5".into(), "4".into(), "3034".into()]);
        assert_eq!(named[0], "(계좌 5, 스레드 4, 스레드마다 옮기기 3034)");
        assert_eq!(
            named[1],
            "(accounts 5, threads 4, transfers per thread 3034)"
        );
    }
}
