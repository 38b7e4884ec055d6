//! `practice`: the exercises' checker. It builds the learner's code in `exercises/`, runs it
//! through the test harness, and says what is still wrong, in the learner's terms.
//!
//! ```text
//! cargo run -p practice                 # the list, with ✓ / ✗ and the next one to do
//! cargo run -p practice -- check 03     # build and run exercise 03, check it
//! cargo run -p practice -- check 03 --times 5  # build once, check five times (luck shows)
//! cargo run -p practice -- hint 03      # the next hint (from a nudge to the key idea)
//! cargo run -p practice -- watch        # re-check the current exercise on every save
//! cargo run -p practice -- solution 03  # the solution, once 03 passes (or with --force)
//! ```
//! Korean by default; English with `--lang en` or a `LANG` that starts with `en`.
//! `PRACTICE_EXERCISES` points at another copy of the exercises (the tests use it).

mod diagnose;
mod exercises;
mod interrupt;
mod korean;
mod no_unsafe;
mod screen;
mod watch;

use exercises::{Exercise, Problem};
use std::io::IsTerminal;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long a run may take before it counts as a hang (the harness runs it 20 times faster
/// than the notes' timings, so every exercise ends within a second): `PRACTICE_HANG_SECS`, or 10.
fn hang() -> Duration {
    let secs = std::env::var("PRACTICE_HANG_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    Duration::from_secs(secs)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Ko,
    En,
}

/// The language chosen at start (`--lang`, or `LANG`), for what is said outside a command's own
/// screen (the first build's note).
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

impl Lang {
    fn current() -> Lang {
        LANG.get().copied().unwrap_or(Lang::Ko)
    }

    fn pick(self, [ko, en]: [&str; 2]) -> &str {
        match self {
            Lang::Ko => ko,
            Lang::En => en,
        }
    }

    fn problem(self, problem: &Problem) -> &str {
        match self {
            Lang::Ko => &problem.ko,
            Lang::En => &problem.en,
        }
    }
}

/// The exercises of `exercises/info.toml`, read once at start.
static LIST: std::sync::OnceLock<Vec<Exercise>> = std::sync::OnceLock::new();

fn exercises() -> &'static [Exercise] {
    LIST.get().map_or(&[], Vec::as_slice)
}

fn exercises_dir() -> PathBuf {
    std::env::var_os("PRACTICE_EXERCISES").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../exercises"),
        PathBuf::from,
    )
}

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

/// Where the exercises that passed are remembered: one line each, the id and a hash of the
/// exercise's source as it was when it passed.
fn passed_file(root: &Path) -> PathBuf {
    root.join("target").join("practice-passed")
}

/// A hash of the exercise's sources as they are now (FNV-1a over `src/` and `Cargo.toml`).
fn source_hash(root: &Path, exercise: &Exercise) -> u64 {
    let dir = root.join(exercise.folder());
    let mut files = vec![dir.join("Cargo.toml")];
    if let Ok(entries) = std::fs::read_dir(dir.join("src")) {
        files.extend(entries.flatten().map(|e| e.path()));
    }
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in files {
        for byte in std::fs::read(&file).unwrap_or_default() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        hash = (hash ^ 0xff).wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The exercises that passed as their sources are now: a ✓ is dropped when the file changes.
fn passed(root: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(passed_file(root)).unwrap_or_default();
    exercises()
        .iter()
        .filter(|e| {
            let want = format!("{} {:016x}", e.id, source_hash(root, e));
            text.lines().any(|l| l == want)
        })
        .map(|e| e.id.to_owned())
        .collect()
}

fn remember(root: &Path, exercise: &Exercise, ok: bool) {
    let text = std::fs::read_to_string(passed_file(root)).unwrap_or_default();
    let prefix = format!("{} ", exercise.id);
    let mut lines: Vec<String> = text
        .lines()
        .filter(|l| !l.starts_with(&prefix))
        .map(str::to_owned)
        .collect();
    if ok {
        lines.push(format!(
            "{} {:016x}",
            exercise.id,
            source_hash(root, exercise)
        ));
    }
    let _ = std::fs::create_dir_all(root.join("target"));
    let _ = std::fs::write(passed_file(root), lines.join("\n") + "\n");
}

/// The exercise `which` names: its number (`3` or `03`), its package or its folder.
fn find(which: &str) -> Option<&'static Exercise> {
    exercises().iter().find(|e| {
        e.id == which
            || e.package == which
            || e.folder() == which
            || which
                .parse::<u32>()
                .is_ok_and(|n| format!("{n:02}") == e.id)
    })
}

/// Builds the exercise's `bins` in one cargo call; the folder of the binaries, or what the
/// compiler said.
fn build(root: &Path, exercise: &Exercise, bins: &[&str]) -> Result<PathBuf, Problem> {
    let color = if std::io::stdout().is_terminal() {
        "always"
    } else {
        "never"
    };
    let first = !target_dir(root).join("debug/.fingerprint").is_dir();
    if first && std::io::stdout().is_terminal() {
        println!(
            "{}",
            Lang::current().pick([
                "처음 빌드합니다. common과 그 의존성까지 빌드하느라 1분쯤 걸리고, 다음부터는 몇 초면 됩니다...",
                "Building for the first time: common and its dependencies take about a minute; later builds take seconds...",
            ])
        );
    }
    let mut cargo = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cargo
        .args(["build", "--quiet", "--color", color, "-p", exercise.package])
        .args(bins.iter().flat_map(|bin| ["--bin", bin]))
        .arg("--manifest-path")
        .arg(root.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target_dir(root))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        // A group of its own, which Ctrl-C or `q` ends with the runs (`interrupt.rs`).
        .process_group(0);
    let out = no_unsafe::forbid_in(&mut cargo)
        .and_then(|()| cargo.spawn())
        .and_then(|child| {
            let pid = child.id();
            harness::groups::add(pid);
            let out = child.wait_with_output();
            harness::groups::remove(pid);
            out
        })
        .map_err(|e| {
            Problem::new(
                format!("cargo를 실행할 수 없습니다: {e}"),
                format!("cannot run cargo: {e}"),
            )
        })?;
    if out.status.success() {
        return Ok(target_dir(root).join("debug"));
    }
    // The whole diagnostic, as cargo prints it: its notes ("`offset` captured here") are the
    // lesson as much as its first line.
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stderr = screen::paths_from_here(root, exercise, stderr.trim_end());
    let stderr = stderr.as_str();
    if no_unsafe::refused(stderr) {
        let [ko, en] = no_unsafe::WHY;
        return Err(Problem::new(
            format!("{ko}\n\n{stderr}\n"),
            format!("{en}\n\n{stderr}\n"),
        ));
    }
    Err(Problem::new(
        format!("컴파일되지 않습니다. 컴파일러의 말을 끝까지 읽어 보세요.\n\n{stderr}\n"),
        format!("it does not compile. Read all the compiler says.\n\n{stderr}\n"),
    ))
}

/// One run of a check: how the schedule is perturbed (see `common::perturb`).
#[derive(Debug, Clone, Copy)]
struct Plan {
    scale: f64,
    straggler: Option<&'static str>,
    jitter: bool,
    busy_cores: bool,
    ko: &'static str,
    en: &'static str,
}

/// Every check runs the program under each plan, the three runs side by side (so the third's busy
/// cores load the other two as well): a program right whatever the schedule passes all; one right
/// only by luck (a sleep for a join, a read-then-write without its lock, a consumer never waited
/// for) fails one of them every time.
const PLANS: &[Plan] = &[
    Plan {
        scale: 0.05,
        straggler: None,
        jitter: false,
        busy_cores: false,
        ko: "첫 번째 실행(그대로)",
        en: "run 1 (as it is)",
    },
    Plan {
        scale: 0.05,
        // Later than the join check's margin (`exercises::JOIN_MARGIN_NS`): no fixed sleep
        // passes both this run and the first.
        straggler: Some("first:1100"),
        jitter: true,
        busy_cores: false,
        ko: "두 번째 실행(첫 작업자를 1.1초 늦게 시작)",
        en: "run 2 (the first worker starts 1.1 s late)",
    },
    Plan {
        scale: 0.02,
        straggler: Some("rest:300"),
        jitter: true,
        busy_cores: true,
        ko: "세 번째 실행(다른 작업자를 0.3초 늦게 시작, 두 코어가 바쁜 채로)",
        en: "run 3 (the other workers start 0.3 s late, both cores busy)",
    },
];

/// The exercise's program, and the checker's caller of its function if it has one, built.
struct Built {
    binary: PathBuf,
    caller: Option<PathBuf>,
}

/// Builds the exercise (once for any number of checks), after its forbidden word, if any.
fn build_all(root: &Path, exercise: &Exercise) -> Result<Built, Problem> {
    let source = root.join(exercise.folder()).join("src/main.rs");
    let code = std::fs::read_to_string(&source).unwrap_or_default();
    if let (Some(word), Some(line)) = (exercise.forbids, exercise.forbidden_in(&code)) {
        return Err(Problem::new(
            format!(
                "이 연습은 `{word}` 없이 풉니다. 컴파일러의 거부를 `{word}`로 잠재우지 말고 거부된 까닭을 고치세요: `{line}`"
            ),
            format!(
                "this exercise is solved without `{word}`: do not silence the compiler's refusal with `{word}`, fix what it refused: `{line}`"
            ),
        ));
    }
    // The program and the checker's caller of its function (which includes the program's code),
    // in one cargo call: half the cargo start-ups, and both compile side by side.
    let Some(probe) = &exercise.probe else {
        let binary = build(root, exercise, &[exercise.package])?.join(exercise.package);
        return Ok(Built {
            binary,
            caller: None,
        });
    };
    let built = match build(root, exercise, &[exercise.package, probe.bin]) {
        Ok(built) => built,
        Err(_) => {
            // Which one failed: the program's own errors come first; if it builds alone, the
            // checker cannot call its function.
            build(root, exercise, &[exercise.package])?;
            return Err(Problem::new(
                format!(
                    "검사기가 이 연습의 함수를 부를 수 없습니다. {} 처음 모양 그대로 두세요.",
                    korean::with(&format!("`{}`", probe.signature), korean::Josa::EulReul)
                ),
                format!(
                    "the checker cannot call this exercise's function: keep `{}` as it was declared.",
                    probe.signature
                ),
            ));
        }
    };
    let binary = built.join(exercise.package);
    let caller = Some(built.join(probe.bin));
    Ok(Built { binary, caller })
}

/// Runs and checks the built exercise under every plan, once.
fn check(built: &Built, exercise: &Exercise) -> Result<(), Problem> {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64 | 1);
    type Job<'a> = Box<dyn FnOnce(&Arc<AtomicBool>) -> Result<(), Problem> + Send + 'a>;
    // The plans' runs, then the checker's two calls (numbers picked now, under the two perturbed
    // plans), all side by side: most of a run is waiting. The first that fails, in this order, is
    // the one reported.
    let mut jobs: Vec<Job<'_>> = Vec::new();
    for plan in PLANS {
        let binary = &built.binary;
        jobs.push(Box::new(move |stop| {
            check_once(binary, exercise, plan, seed, stop).map_err(|problem| {
                Problem::new(
                    format!("{}: {}", plan.ko, problem.ko),
                    format!("{}: {}", plan.en, problem.en),
                )
            })
        }));
    }
    if let (Some(probe), Some(caller)) = (&exercise.probe, &built.caller) {
        for (round, plan) in PLANS[1..].iter().enumerate() {
            jobs.push(Box::new(move |stop| {
                let args = probe.pick_args(seed.wrapping_mul(round as u64 + 7));
                let [named_ko, named_en] = probe.named(&args);
                let called = |problem: Problem| {
                    Problem::new(
                        format!(
                            "검사기가 {} 부른 `{}`: {}",
                            korean::with(&named_ko, korean::Josa::EuroRo),
                            probe.name(),
                            problem.ko
                        ),
                        format!(
                            "`{}` called by the checker with {named_en}: {}",
                            probe.name(),
                            problem.en
                        ),
                    )
                };
                let plan = Plan {
                    straggler: plan.straggler.filter(|_| probe.late_starts),
                    ..*plan
                };
                let run = run_under(caller, &args, exercise, &plan, seed, stop).map_err(called)?;
                exercises::one_thread_per_name(&run).map_err(called)?;
                (probe.check)(&run, &args).map_err(|problem| called(explained(problem, &run)))?;
                exercises::nothing_left(&run)
            }));
        }
    }
    side_by_side(jobs)
}

/// Runs every job at once, each on a thread of its own; the first error, in the jobs' order.
/// Once a job has failed, the jobs after it are stopped (none of their errors could be the one
/// reported); those before it run to their end, as one of them may fail too.
fn side_by_side<J>(jobs: Vec<J>) -> Result<(), Problem>
where
    J: FnOnce(&Arc<AtomicBool>) -> Result<(), Problem> + Send,
{
    let stops: Vec<Arc<AtomicBool>> = jobs.iter().map(|_| Arc::default()).collect();
    std::thread::scope(|scope| {
        let running: Vec<_> = jobs
            .into_iter()
            .enumerate()
            .map(|(index, job)| {
                let stops = &stops;
                scope.spawn(move || {
                    let result = job(&stops[index]);
                    if result.is_err() {
                        for later in &stops[index + 1..] {
                            later.store(true, Ordering::Relaxed);
                        }
                    }
                    result
                })
            })
            .collect();
        running
            .into_iter()
            .map(|run| {
                run.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect::<Result<Vec<()>, Problem>>()
            .map(drop)
    })
}

fn check_once(
    binary: &Path,
    exercise: &Exercise,
    plan: &Plan,
    seed: u64,
    stop: &Arc<AtomicBool>,
) -> Result<(), Problem> {
    let run = run_under(binary, &[], exercise, plan, seed, stop)?;
    exercises::one_thread_per_name(&run)?;
    // How long main outlasts its workers is measured in the run as it is (the first plan).
    let as_it_is = plan.straggler.is_none() && !plan.jitter && !plan.busy_cores;
    exercises::measuring_margin(as_it_is, || (exercise.check)(&run))
        .map_err(|problem| explained(problem, &run))?;
    exercises::nothing_left(&run)
}

/// A failed check with what explains it, if the run shows it: threads cut off by main's end
/// (a missing join), or a panic of a thread or child whose process still ended with 0.
fn explained(problem: Problem, run: &harness::Run) -> Problem {
    // A thread of `thread::scope` writes its end (a thread-local's destructor) after the scope
    // has returned, so one may miss its end with nothing wrong: cut-off threads explain only
    // what never happened.
    let cut_off = diagnose::cut_off(run).filter(|_| problem.missing);
    [cut_off, diagnose::panic(run)]
        .into_iter()
        .flatten()
        .fold(problem, |problem, why| {
            Problem::new(
                format!("{} {}", problem.ko, why.ko),
                format!("{} {}", problem.en, why.en),
            )
        })
}

/// Runs `binary` with `args` under `plan`; the run, if it ended by itself with status 0.
fn run_under(
    binary: &Path,
    args: &[String],
    exercise: &Exercise,
    plan: &Plan,
    seed: u64,
    stop: &Arc<AtomicBool>,
) -> Result<harness::Run, Problem> {
    let mut example = harness::Example::new(binary)
        .args(args)
        .scale(plan.scale)
        .timeout(hang())
        .stop_when(Arc::clone(stop));
    if let Some(straggler) = plan.straggler {
        example = example.env("TUTORIAL_STRAGGLER", straggler);
    }
    if plan.jitter {
        example = example.env("TUTORIAL_JITTER", seed.to_string());
    }
    let busy = plan.busy_cores.then(harness::BusyCores::start);
    let (run, ending) = example.spawn().finish();
    drop(busy);
    if ending.stopped {
        // Never reported: a run before this one failed.
        return Err(Problem::new(
            "다른 실행이 먼저 실패해서 멈췄습니다.",
            "stopped: a run before it failed.",
        ));
    }
    if ending.timed_out.is_some() {
        let [ko, en] = exercise.hang_hint;
        let what = diagnose::still_running(&run, &ending.still_running);
        return Err(Problem::new(
            format!(
                "프로그램이 {}초 안에 끝나지 않았습니다(멈춤). {} {ko}",
                hang().as_secs(),
                what.ko
            ),
            format!(
                "the program did not end within {} s (a hang). {} {en}",
                hang().as_secs(),
                what.en
            ),
        ));
    }
    if !run.status.success() {
        if let Some(panic) = diagnose::panic(&run) {
            return Err(panic);
        }
        let why = run
            .stderr
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        let status = match run.status.code() {
            Some(code) => format!("exit code {code}"),
            None => format!("{}", run.status),
        };
        return Err(Problem::new(
            format!(
                "프로그램이 {} 끝났습니다. {why}",
                korean::with(&status, korean::Josa::EuroRo)
            ),
            format!("the program ended with {status}. {why}"),
        ));
    }
    Ok(run)
}

fn list(root: &Path, lang: Lang) -> ExitCode {
    let done = passed(root);
    println!(
        "{}",
        lang.pick([
            "연습 문제 (✓ 통과, ✗ 아직)",
            "Exercises (✓ passed, ✗ not yet)"
        ])
    );
    for e in exercises() {
        let mark = if done.iter().any(|d| d == e.id) {
            "✓"
        } else {
            "✗"
        };
        println!("{mark} {} {} — {}", e.id, e.package, lang.pick(e.title));
    }
    println!(
        "{}",
        lang.pick(
            screen::progress(done.len(), exercises().len())
                .each_ref()
                .map(String::as_str)
        )
    );
    match exercises().iter().find(|e| !done.iter().any(|d| d == e.id)) {
        Some(next) => println!(
            "{} cargo run -p practice -- check {}",
            lang.pick(["다음:", "next:"]),
            next.id
        ),
        None => println!("{}", lang.pick(["모두 통과했습니다!", "All passed!"])),
    }
    ExitCode::SUCCESS
}

/// Checks the exercise `times` times, built once: every check runs the program anew, so a
/// program right only by luck shows it (`check 03 --times 5`).
/// Where a check's result is shown: `practice check` names the next command; `watch` has keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Alone,
    InWatch,
}

fn check_one(root: &Path, exercise: &Exercise, lang: Lang, times: usize, shown: Shown) -> ExitCode {
    // No learner's program makes the checker panic; if the checker itself fails, it says so in
    // one line.
    let outcomes = std::panic::catch_unwind(|| match build_all(root, exercise) {
        // Rejected before it ran: the same on every check.
        Err(problem) => vec![Err(problem)],
        Ok(built) => (0..times).map(|_| check(&built, exercise)).collect(),
    });
    let outcomes = match outcomes {
        Ok(outcomes) => outcomes,
        Err(panic) => {
            let what = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("")
                .lines()
                .next()
                .unwrap_or("")
                .to_owned();
            eprintln!(
                "{}",
                lang.pick([
                    &format!("검사기 자체의 오류입니다(연습 코드 탓이 아닙니다): {what}"),
                    &format!("an error of the checker itself (not of your code): {what}"),
                ])
            );
            return ExitCode::from(1);
        }
    };
    let failed = outcomes.iter().filter(|o| o.is_err()).count();
    remember(root, exercise, failed == 0);
    let head = format!("{} {}", exercise.id, exercise.package);
    if outcomes.len() > 1 {
        for (n, outcome) in outcomes.iter().enumerate() {
            let n = n + 1;
            match outcome {
                Ok(()) => println!(
                    "✓ {head}: {}",
                    lang.pick([
                        &format!("검사 {n}/{times} 통과"),
                        &format!("check {n} of {times} passed"),
                    ])
                ),
                Err(problem) => println!(
                    "✗ {head}: {}: {}",
                    lang.pick([
                        &format!("검사 {n}/{times}"),
                        &format!("check {n} of {times}"),
                    ]),
                    lang.problem(problem)
                ),
            }
        }
    }
    match outcomes.iter().find_map(|o| o.as_ref().err()) {
        None => {
            let passed = if times > 1 {
                lang.pick([
                    &format!("검사 {times}번을 모두 통과했습니다. 확인한 것:"),
                    &format!("passed all {times} checks. Checked:"),
                ])
                .to_owned()
            } else {
                lang.pick(["통과했습니다. 확인한 것:", "passed. Checked:"])
                    .to_owned()
            };
            println!("✓ {head}: {passed} {}", lang.pick(exercise.checks));
            ExitCode::SUCCESS
        }
        Some(problem) => {
            if outcomes.len() > 1 {
                println!(
                    "✗ {head}: {}",
                    lang.pick([
                        &format!("검사 {times}번 중 {failed}번 떨어졌습니다."),
                        &format!("failed {failed} of {times} checks."),
                    ])
                );
            } else {
                println!("✗ {head}: {}", lang.problem(problem));
            }
            if shown == Shown::Alone {
                println!(
                    "  {} cargo run -p practice -- hint {}",
                    lang.pick(["힌트:", "hint:"]),
                    exercise.id
                );
            }
            ExitCode::from(1)
        }
    }
}

/// Shows the exercise's next hint: its hint file holds one paragraph per hint, from a nudge to
/// the key idea; how many were shown is remembered in `target/practice-hints`.
fn hint(root: &Path, e: &Exercise, lang: Lang) -> Result<ExitCode, String> {
    let path = root
        .join(e.folder())
        .join(lang.pick(["hint.ko.md", "hint.en.md"]));
    let text = std::fs::read_to_string(&path)
        .map_err(|err| format!("error: cannot read {}: {err}", path.display()))?;
    let hints: Vec<&str> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .collect();
    let seen_file = root.join("target").join("practice-hints");
    let seen_text = std::fs::read_to_string(&seen_file).unwrap_or_default();
    let prefix = format!("{} ", e.id);
    let seen: usize = seen_text
        .lines()
        .find_map(|l| l.strip_prefix(&prefix)?.parse().ok())
        .unwrap_or(0);
    let shown = (seen + 1).min(hints.len());
    let mut lines: Vec<String> = seen_text
        .lines()
        .filter(|l| !l.starts_with(&prefix))
        .map(str::to_owned)
        .collect();
    lines.push(format!("{} {shown}", e.id));
    let _ = std::fs::create_dir_all(root.join("target"));
    let _ = std::fs::write(&seen_file, lines.join("\n") + "\n");
    println!(
        "{} {} ({} {shown}/{}): {}",
        e.id,
        e.package,
        lang.pick(["힌트", "hint"]),
        hints.len(),
        hints.get(shown.wrapping_sub(1)).unwrap_or(&"")
    );
    if shown < hints.len() {
        println!(
            "  {} cargo run -p practice -- hint {}",
            lang.pick(["다음 힌트:", "next hint:"]),
            e.id
        );
    } else {
        println!(
            "  {} cargo run -p practice -- solution {} --force",
            lang.pick([
                "힌트는 여기까지입니다. 그래도 막히면 풀이를 보세요:",
                "That was the last hint. Still stuck? See the solution:",
            ]),
            e.id
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Shows the solution once the exercise passes as it is now, or with `--force`.
fn solution(root: &Path, e: &Exercise, lang: Lang, force: bool) -> Result<ExitCode, String> {
    if !force && !passed(root).iter().any(|id| id == e.id) {
        println!(
            "{}",
            lang.pick([
                &format!(
                    "먼저 풀어 보세요. 연습 {}을 통과하면 풀이를 보여 줍니다(그래도 보려면: cargo run -p practice -- solution {} --force).",
                    e.id, e.id
                ),
                &format!(
                    "try it first: the solution is shown once exercise {} passes (to see it anyway: cargo run -p practice -- solution {} --force).",
                    e.id, e.id
                ),
            ])
        );
        return Ok(ExitCode::from(1));
    }
    let path = root.join("solutions").join(e.folder()).join("src/main.rs");
    std::fs::read_to_string(&path)
        .map(|text| {
            print!("{}", in_language(&text, lang));
            ExitCode::SUCCESS
        })
        .map_err(|err| format!("error: cannot read {}: {err}", path.display()))
}

/// A solution's text in `lang`: its header says why it works in Korean, then from "//! Exercise"
/// on in English; only the learner's language is shown, then the code.
fn in_language(text: &str, lang: Lang) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let header = lines.iter().take_while(|l| l.starts_with("//!")).count();
    let (header, code) = lines.split_at(header);
    let english = (header.iter())
        .position(|l| l.starts_with("//! Exercise"))
        .unwrap_or(header.len());
    let (korean, english) = header.split_at(english);
    let korean = korean.strip_suffix(&["//!"]).unwrap_or(korean);
    let shown = match lang {
        Lang::Ko => korean,
        Lang::En => english,
    };
    let mut out: Vec<&str> = shown.to_vec();
    out.extend_from_slice(code);
    out.join("\n") + "\n"
}

/// The most checks one `check --times` runs.
const MOST_TIMES: usize = 20;

const USAGE_KO: &str = "사용법: practice [--lang ko|en] [list | check <번호> [--times <횟수>] | hint <번호> | solution <번호> [--force] | watch]";
const USAGE: &str = "usage: practice [--lang ko|en] [list | check <n> [--times <k>] | hint <n> | solution <n> [--force] | watch]";

fn main() -> ExitCode {
    if let Some(code) = no_unsafe::wrap_rustc() {
        return code;
    }
    interrupt::install();
    // A failure of the checker itself is reported in one line (check_one), not as a backtrace.
    std::panic::set_hook(Box::new(|_| {}));
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut lang = match std::env::var("LANG") {
        Ok(value) if value.starts_with("en") => Lang::En,
        _ => Lang::Ko,
    };
    if let Some(at) = args.iter().position(|a| a == "--lang") {
        lang = match args.get(at + 1).map(String::as_str) {
            Some("ko") => Lang::Ko,
            Some("en") => Lang::En,
            other => {
                eprintln!(
                    "error: --lang은 ko나 en입니다({:?}는 없습니다) / --lang takes ko or en, not {:?}",
                    other.unwrap_or(""),
                    other.unwrap_or("")
                );
                return ExitCode::from(2);
            }
        };
        args.drain(at..at + 2);
    }
    let _ = LANG.set(lang);
    let root = exercises_dir();
    if !root.join("Cargo.toml").is_file() {
        eprintln!("error: no exercises at {}", root.display());
        return ExitCode::from(2);
    }
    match exercises::load(&root) {
        Ok(list) => {
            let _ = LIST.set(list);
        }
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    }
    let exercise = |which: &str| {
        find(which).ok_or_else(|| {
            let (first, last) = (exercises()[0].id, exercises()[exercises().len() - 1].id);
            lang.pick([
                &format!(
                    "error: 연습 {} 없습니다 ({first}부터 {last}까지 있습니다)",
                    korean::with(&format!("{which:?}"), korean::Josa::IGa)
                ),
                &format!("error: no exercise {which:?} (there are {first} to {last})"),
            ])
            .to_owned()
        })
    };
    let outcome = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] | ["list"] => Ok(list(&root, lang)),
        ["check", which] => exercise(which).map(|e| check_one(&root, e, lang, 1, Shown::Alone)),
        ["check", which, "--times", n] | ["check", "--times", n, which] => match n.parse() {
            Ok(times @ 1..=MOST_TIMES) => {
                exercise(which).map(|e| check_one(&root, e, lang, times, Shown::Alone))
            }
            _ => Err(lang
                .pick([
                    &format!("error: --times는 1부터 {MOST_TIMES}까지입니다: {n:?}"),
                    &format!("error: --times takes 1 to {MOST_TIMES}, not {n:?}"),
                ])
                .to_owned()),
        },
        ["hint", which] => exercise(which).and_then(|e| hint(&root, e, lang)),
        ["solution", which] => exercise(which).and_then(|e| solution(&root, e, lang, false)),
        ["solution", which, "--force"] | ["solution", "--force", which] => {
            exercise(which).and_then(|e| solution(&root, e, lang, true))
        }
        ["watch"] => watch::watch(&root, lang)
            .map(|()| ExitCode::SUCCESS)
            .map_err(|e| format!("error: cannot watch {}: {e}", root.display())),
        _ => Err(lang.pick([USAGE_KO, USAGE]).to_owned()),
    };
    outcome.unwrap_or_else(|message| {
        eprintln!("{message}");
        ExitCode::from(2)
    })
}
