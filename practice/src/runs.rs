//! How a check runs the program: the plans (as it is, a late first worker, late others on busy
//! cores), side by side with the checker's calls of the learner's function, each a real run
//! through the harness with a time limit; what a failed run explains (a hang, a panic, an exit).

use crate::build::Built;
use crate::exercises::{self, Exercise, Problem, Seen};
use crate::start_methods::{METHODS, afresh, started_by};
use crate::{diagnose, korean};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long a run may take before it counts as a hang (the harness runs it 20 times faster
/// than the notes' timings, so every exercise ends within a second): `PRACTICE_HANG_SECS`, or 10.
pub(crate) fn hang() -> Duration {
    let secs = std::env::var("PRACTICE_HANG_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    Duration::from_secs(secs)
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
        ko: "첫 번째 실행(그대로, 튜토리얼의 sleep은 20배 빠르게: sleep_secs(1.0)이 0.05초)",
        en: "run 1 (as it is; the tutorial's sleeps run 20 times faster: sleep_secs(1.0) takes 0.05 s)",
    },
    Plan {
        scale: 0.05,
        // Later than the join check's margin (`exercises::JOIN_MARGIN_NS`): no fixed sleep
        // passes both this run and the first.
        straggler: Some("first:1100"),
        jitter: true,
        busy_cores: false,
        ko: "두 번째 실행(첫 작업자를 실제 시간으로 1.1초 늦게 시작, 튜토리얼의 sleep은 20배 빠르게: sleep_secs(1.0)이 0.05초)",
        en: "run 2 (the first worker starts 1.1 s late in real time; the tutorial's sleeps run 20 times faster: sleep_secs(1.0) takes 0.05 s)",
    },
    Plan {
        scale: 0.02,
        straggler: Some("rest:300"),
        jitter: true,
        busy_cores: true,
        ko: "세 번째 실행(다른 작업자를 실제 시간으로 0.3초 늦게 시작, 두 코어가 바쁜 채로, 튜토리얼의 sleep은 50배 빠르게: sleep_secs(1.0)이 0.02초)",
        en: "run 3 (the other workers start 0.3 s late in real time, both cores busy; the tutorial's sleeps run 50 times faster: sleep_secs(1.0) takes 0.02 s)",
    },
];

/// Runs and checks the built exercise under every plan, once.
pub(crate) fn check(built: &Built, exercise: &Exercise) -> Result<(), Problem> {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64 | 1);
    // The start method of the run `index` (the plans', then the calls'), if the exercise rotates.
    let method = |index: usize| {
        (exercise.start_methods).then(|| METHODS[(seed as usize / 2 + index) % METHODS.len()])
    };
    type Job<'a> = Box<dyn FnOnce(&Arc<AtomicBool>) -> Result<(), Problem> + Send + 'a>;
    // The plans' runs, then the checker's two calls (numbers picked now, under the two perturbed
    // plans), all side by side: most of a run is waiting. The first that fails, in this order, is
    // the one reported.
    let mut jobs: Vec<Job<'_>> = Vec::new();
    for (index, plan) in PLANS.iter().enumerate() {
        let binary = &built.binary;
        let method = method(index);
        jobs.push(Box::new(move |stop| {
            check_once(binary, exercise, plan, seed, method, stop)
                .map_err(|problem| started_by(method, problem))
                .map_err(|problem| {
                    Problem::new(
                        format!("{}: {}", plan.ko, problem.ko),
                        format!("{}: {}", plan.en, problem.en),
                    )
                })
        }));
    }
    if let (Some(probe), Some(caller)) = (&exercise.probe, &built.caller) {
        for (round, plan) in PLANS[1..].iter().enumerate() {
            let method = method(PLANS.len() + round);
            jobs.push(Box::new(move |stop| {
                let args = probe.pick_args(seed.wrapping_mul(round as u64 + 7), round);
                let [named_ko, named_en] = probe.named(&args);
                let called = |problem: Problem| {
                    let problem = started_by(method, problem);
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
                let held = probe.held(seed.wrapping_mul(round as u64 + 11), &args);
                let settings = Settings { seed, method, held };
                let run =
                    run_under(caller, &args, exercise, &plan, &settings, stop).map_err(called)?;
                // A call is never the run as it is: how long main outlasts its workers is
                // measured in the program's own run (`check_once`).
                let seen = Seen {
                    run: &run,
                    as_it_is: false,
                    late: plan.straggler.is_some(),
                    late_first: plan.straggler.is_some_and(|s| s.starts_with("first")),
                };
                exercises::one_thread_per_name(&seen).map_err(called)?;
                exercises::pool_workers_are_a_pools(&seen).map_err(called)?;
                (probe.check)(&seen, &args).map_err(|problem| called(explained(problem, &run)))?;
                exercises::nothing_left(&seen)
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
    method: Option<&'static str>,
    stop: &Arc<AtomicBool>,
) -> Result<(), Problem> {
    let settings = Settings {
        seed,
        method,
        held: None,
    };
    let run = run_under(binary, &[], exercise, plan, &settings, stop)?;
    // How long main outlasts its workers is measured in the run as it is (the first plan).
    let seen = Seen {
        run: &run,
        as_it_is: plan.straggler.is_none() && !plan.jitter && !plan.busy_cores,
        late: plan.straggler.is_some(),
        late_first: plan.straggler.is_some_and(|s| s.starts_with("first")),
    };
    exercises::one_thread_per_name(&seen)?;
    exercises::pool_workers_are_a_pools(&seen)?;
    (exercise.check)(&seen).map_err(|problem| explained(problem, &run))?;
    exercises::nothing_left(&seen)
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

/// What a run is given beside its plan: the seed of its jitter, the start method of its
/// children, and a line it holds back (`TUTORIAL_HOLD`).
struct Settings {
    seed: u64,
    method: Option<&'static str>,
    held: Option<String>,
}

/// Runs `binary` with `args` under `plan`; the run, if it ended by itself with status 0.
fn run_under(
    binary: &Path,
    args: &[String],
    exercise: &Exercise,
    plan: &Plan,
    settings: &Settings,
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
        example = example.env("TUTORIAL_JITTER", settings.seed.to_string());
    }
    if let Some(method) = settings.method {
        example = example.env("TUTORIAL_START_METHOD", method);
    }
    if let Some(held) = &settings.held {
        example = example.env("TUTORIAL_HOLD", held);
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
            return Err(match settings.method {
                Some(method @ ("spawn" | "forkserver")) => afresh(method, panic),
                _ => panic,
            });
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
