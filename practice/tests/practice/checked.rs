//! Every exercise checked its way: its starting state fails for its intended reason, each wrong
//! program (`tests/wrong/`) fails every check naming its habit, its solution passes.

use super::starts::STARTS;
use super::*;

/// As `HANG_SECS`, for a wrong program that hangs on purpose (its header ends "a hang."; three, each
/// in every check, 15 checks in all): it never ends, whatever the limit, and only its being a
/// hang is asserted, so the limit decides only how long the test waits (at 8 s these waits were
/// a quarter of the test's time on the slowest lanes).
const WRONG_HANG_SECS: &str = "3";

/// How many times each program is checked: a wrong one must fail every time, a right one pass
/// every time.
const CHECKS: usize = 5;

/// How many exercises are checked side by side. Most of a check waits, so more side by side is
/// faster, but every run then gets less of the two busy cores. The whole `cargo test -p
/// practice` took 239 s at 6; 201 s at 6 once a check's later runs were stopped at its first
/// failure; 181 s at 6 once the wrong programs that hang waited 3 s, not 8; 172 s at 7. At 12
/// (179 s, before the stop) a solution's run (13's pool, a late worker) once took more than 8 s
/// in a soak, before solutions had 30 s (`NOT_STUCK_SECS`). With the property checks (drawn
/// waits, held lines, a first task waiting up to 5 s for company) the test took 342 s at 7 and
/// 316 s at 10, on an otherwise idle machine: the longest exercise's job is now the floor.
const WIDTH: usize = 12;

/// Wrong programs (`tests/wrong/`), by the exercise they are for: the expected lines printed
/// without the mechanism (by main, or by threads and processes that do not wait, send or lock),
/// and each exercise's likeliest Python habit.
fn wrong_programs() -> Vec<(&'static str, Vec<PathBuf>)> {
    programs_in("wrong")
}

/// Right programs by another tool than the solution's (`tests/right/`), by exercise: each must
/// pass every check, as the solution does (a check that refuses one is too narrow).
fn right_programs() -> Vec<(&'static str, Vec<PathBuf>)> {
    programs_in("right")
}

/// The programs of `tests/<folder>/`, by the exercise they are for (their names' first two
/// digits).
fn programs_in(folder: &str) -> Vec<(&'static str, Vec<PathBuf>)> {
    let wrong_dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(folder);
    let mut wrong: Vec<PathBuf> = std::fs::read_dir(&wrong_dir)
        .expect("tests/wrong or tests/right")
        .map(|e| e.expect("an entry").path())
        .filter(|p| !p.ends_with("01-println.rs"))
        .collect();
    wrong.sort();
    for program in &wrong {
        assert!(
            STARTS
                .iter()
                .any(|(folder, _)| folder[..2] == name(program)[..2]),
            "no exercise for the wrong program {}",
            name(program)
        );
    }
    STARTS
        .iter()
        .map(|(folder, _)| {
            let mine: Vec<PathBuf> = wrong
                .iter()
                .filter(|p| {
                    p.file_name().and_then(|n| n.to_str()).expect("a name")[..2] == folder[..2]
                })
                .cloned()
                .collect();
            (*folder, mine)
        })
        .collect()
}

fn name(program: &Path) -> &str {
    program
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a name")
}

/// The starting state fails for the reason its page names.
fn start_fails(exercises: &Exercises, folder: &str, reason: &str) {
    let args = ["check", &folder[..2]];
    let output = if reason.contains("a hang") {
        exercises.practice(&args)
    } else {
        exercises.practice_not_stuck(&args)
    };
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{folder}: {text}");
    // A hang's report names what was still running between "(a hang)." and the note.
    for part in reason.split("a hang). ") {
        assert!(
            text.contains(part),
            "{folder}: expected {reason:?} in:\n{text}"
        );
    }
    assert!(text.contains(&format!("hint {}", &folder[..2])), "{text}");
}

/// A wrong program's header: the comment lines it starts with.
fn header(program: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(program).expect("a wrong program");
    (text.lines())
        .take_while(|line| line.starts_with("//"))
        .map(str::to_owned)
        .collect()
}

/// Whether a wrong program hangs on purpose: its header ends "a hang.".
fn hangs_on_purpose(program: &Path) -> bool {
    header(program)
        .last()
        .is_some_and(|line| line.ends_with("a hang."))
}

/// A wrong program fails every check, answered in words, not a crash: `check --times`, built
/// once, each check a new set of runs; and for the fault it was written for: one that hangs on
/// purpose is reported as a hang in every check, any other in none (it may run 30 s first, so
/// that a slow run is not mistaken for one).
fn fails_every_check(exercises: &Exercises, folder: &str, program: &Path) {
    // A header line "Needs: Landlock": refused only where the kernel lets the checker forbid
    // writing files (35); CI's kernel must.
    let needs_landlock = header(program).iter().any(|l| l == "//! Needs: Landlock");
    if needs_landlock && !check_protocol::sandbox::available() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{}: this kernel has no Landlock",
            name(program)
        );
        eprintln!("{}: skipped, this kernel has no Landlock", name(program));
        return;
    }
    std::fs::copy(program, exercises.path().join(folder).join("src/main.rs")).expect("copy");
    let hangs = hangs_on_purpose(program);
    let args = ["check", &folder[..2], "--times", &CHECKS.to_string()];
    let output = if hangs {
        exercises.practice_within(WRONG_HANG_SECS, &args)
    } else {
        exercises.practice_not_stuck(&args)
    };
    let text = stdout(&output);
    let name = name(program);
    let hang_reports = text.matches("(a hang)").count();
    assert_eq!(
        hang_reports,
        if hangs { CHECKS } else { 0 },
        "{name}: reported as a hang in {hang_reports} of {CHECKS} checks:\n{text}"
    );
    assert_eq!(output.status.code(), Some(1), "{name}:\n{text}");
    assert!(
        output.stderr.is_empty(),
        "{name}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let head = format!("✗ {}", &folder[..2]);
    let ran = text.contains(&format!("check 1 of {CHECKS}"));
    if ran {
        // A header line "Named: <words>" says what every refusal must say: the habit's name.
        let named: Option<String> = (header(program).iter())
            .find_map(|line| line.strip_prefix("//! Named: ").map(str::to_owned));
        for check in 1..=CHECKS {
            assert!(
                text.lines().any(|l| l.starts_with(&head)
                    && l.contains(&format!(": check {check} of {CHECKS}: "))),
                "{name} passed check {check}:\n{text}"
            );
            if let Some(named) = &named {
                assert!(
                    text.lines().any(|l| l.starts_with(&head)
                        && l.contains(&format!(": check {check} of {CHECKS}: "))
                        && l.contains(named.as_str())),
                    "{name}: check {check} did not say {named:?}:\n{text}"
                );
            }
        }
        assert!(
            text.contains(&format!("failed {CHECKS} of {CHECKS} checks.")),
            "{name}:\n{text}"
        );
    } else {
        // Rejected before it ran (a forbidden word, a compile error): the same every time.
        assert!(text.starts_with(&head), "{name}: {text}");
    }
    // The refusal silenced with `unsafe` is rejected as that, whatever else is wrong with it.
    if header(program)
        .iter()
        .any(|line| line.contains("silenced with `unsafe`"))
    {
        assert!(
            text.contains("this exercise is solved without `unsafe`"),
            "{name}: not rejected for its `unsafe`:\n{text}"
        );
    }
}

/// The solution with `println!` in place of `say!`: answered (passed, or failed with the note on
/// `println!` where the exercise checks who printed), never a crash.
fn println_is_answered(exercises: &Exercises, folder: &str) {
    let solution = std::fs::read_to_string(
        exercises
            .path()
            .join("solutions")
            .join(folder)
            .join("src/main.rs"),
    )
    .expect("the solution");
    std::fs::write(
        exercises.path().join(folder).join("src/main.rs"),
        solution.replace("say!(", "println!("),
    )
    .expect("write");
    let output = exercises.practice(&["check", &folder[..2]]);
    let text = stdout(&output);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{folder}: {text}"
    );
    assert!(
        text.starts_with(&format!("✓ {}", &folder[..2]))
            || text.starts_with(&format!("✗ {}", &folder[..2])),
        "{folder}: {text}"
    );
    assert!(
        output.stderr.is_empty(),
        "{folder}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The solution passes every check.
fn solution_passes(exercises: &Exercises, folder: &str) {
    exercises.solve(folder);
    passes_every_check(exercises, folder);
}

/// A right program by another tool passes every check.
fn right_passes(exercises: &Exercises, folder: &str, program: &Path) {
    std::fs::copy(program, exercises.path().join(folder).join("src/main.rs")).expect("copy");
    passes_every_check(exercises, folder);
}

/// What is in the exercise's file now passes every check.
fn passes_every_check(exercises: &Exercises, folder: &str) {
    let output =
        exercises.practice_not_stuck(&["check", &folder[..2], "--times", &CHECKS.to_string()]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{folder}: {text}");
    for check in 1..=CHECKS {
        assert!(
            text.contains(&format!("✓ {}", &folder[..2]))
                && text.contains(&format!(": check {check} of {CHECKS} passed")),
            "{text}"
        );
    }
    assert!(
        text.contains(&format!("passed all {CHECKS} checks.")),
        "{text}"
    );
}

/// What one job checks in one copy of the exercises.
enum Step {
    /// The starting state fails for this reason.
    Start(&'static str),
    Wrong(PathBuf),
    /// The solution with `println!`.
    Println,
    Right(PathBuf),
    Solution,
}

/// How many copies of the exercises are checked side by side: each exercise's programs are
/// dealt out among them, one job per exercise and copy, so that an exercise with many wrong
/// programs is not the suite's floor (14's, in one job, took 214 s of a 343 s suite). Each copy
/// has a cargo target of its own, most of a gigabyte.
const COPIES: usize = 3;

/// Every exercise, checked its way, with both cores busy: its starting state fails for its
/// intended reason, each of its wrong programs fails every check, its solution with `println!` is
/// answered without a crash, and each right program by another tool and its solution pass every
/// check. An exercise's programs are dealt out among [`COPIES`] copies of the exercises (a job per
/// exercise and copy; in one job they go one after another); `WIDTH` jobs go side by side.
#[test]
fn every_exercise_is_checked_its_way() {
    let _turn = turn();
    let copies: Vec<Exercises> = (0..COPIES)
        .map(|k| {
            let mut exercises = Exercises::copy(k);
            exercises.cores_busy = true;
            exercises
        })
        .collect();
    // What every exercise uses is built once, in the shared target, and each copy's target
    // starts as a copy of it; copy 0 checks the starting states, so it builds them too.
    Exercises::new().build_starting_states();
    std::thread::scope(|scope| {
        for exercises in &copies {
            scope.spawn(|| exercises.seed_target());
        }
    });
    // The turn is kept to the end, though the copies build in targets of their own: with the
    // other tests beside it (a 45 s saving) a `watch` test under scripts/soak's load left its
    // build running past its end (seen once), so they stay apart.
    copies[0].build_starting_states();
    // The jobs keep the cores busy themselves (a load average near 8 on two cores, measured);
    // the spinners, at nice 10, keep them so when few jobs are left, and take little from them.
    let _busy = harness::BusyCores::start_niced(10);
    let mut by_exercise: Vec<(&str, &str, Vec<PathBuf>, Vec<PathBuf>)> = STARTS
        .iter()
        .zip(wrong_programs())
        .zip(right_programs())
        .map(|(((folder, reason), (_, wrong)), (_, right))| (*folder, *reason, wrong, right))
        .collect();
    // `PRACTICE_ONLY=13,14` checks only those exercises, while one is being mended.
    if let Ok(only) = std::env::var("PRACTICE_ONLY") {
        let only: Vec<&str> = only.split(',').map(str::trim).collect();
        by_exercise.retain(|(folder, ..)| only.contains(&&folder[..2]));
        assert!(
            !by_exercise.is_empty(),
            "PRACTICE_ONLY={only:?} names no exercise"
        );
    }
    assert!(
        by_exercise
            .iter()
            .map(|(_, _, wrong, _)| wrong.len())
            .sum::<usize>()
            >= 12
            || std::env::var_os("PRACTICE_ONLY").is_some(),
        "wrong programs"
    );
    let mut jobs: Vec<(&str, usize, Vec<Step>)> = Vec::new();
    for (folder, reason, wrong, right) in by_exercise {
        // The starting state first, in copy 0, before any program replaces it there.
        let mut steps = vec![Step::Start(reason)];
        steps.extend(wrong.into_iter().map(Step::Wrong));
        steps.push(Step::Println);
        steps.extend(right.into_iter().map(Step::Right));
        steps.push(Step::Solution);
        let mut dealt: Vec<Vec<Step>> = (0..COPIES).map(|_| Vec::new()).collect();
        for (i, step) in steps.into_iter().enumerate() {
            dealt[i % COPIES].push(step);
        }
        for (k, steps) in dealt.into_iter().enumerate() {
            if !steps.is_empty() {
                jobs.push((folder, k, steps));
            }
        }
    }
    // The longest first (a starting state that hangs waits out the hang limit; then the most
    // programs), so that no long job starts last.
    jobs.sort_by_key(|(_, _, steps)| {
        let hangs = steps
            .iter()
            .any(|step| matches!(step, Step::Start(reason) if reason.contains("a hang")));
        std::cmp::Reverse((hangs, steps.len()))
    });
    in_parallel(jobs, WIDTH, |(folder, k, steps)| {
        let started = Instant::now();
        let exercises = &copies[k];
        for step in &steps {
            match step {
                Step::Start(reason) => start_fails(exercises, folder, reason),
                Step::Wrong(program) => fails_every_check(exercises, folder, program),
                Step::Println => println_is_answered(exercises, folder),
                Step::Right(program) => right_passes(exercises, folder, program),
                Step::Solution => solution_passes(exercises, folder),
            }
        }
        // Seen with `--nocapture`: which job is the suite's floor.
        println!(
            "{folder} (copy {k}): {:.0} s",
            started.elapsed().as_secs_f64()
        );
    });
}
