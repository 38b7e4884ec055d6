//! `practice check`: a check's outcome on the screen, and remembered: ✓ with what was checked, or
//! ✗ with the first failure (and, over several checks, how many failed).

use crate::Lang;
use crate::build::build_all;
use crate::exercises::Exercise;
use crate::progress::remember;
use crate::runs::check;
use std::path::Path;
use std::process::ExitCode;

/// Checks the exercise `times` times, built once: every check runs the program anew, so a
/// program right only by luck shows it (`check 03 --times 5`).
/// Where a check's result is shown: `practice check` names the next command; `watch` has keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shown {
    Alone,
    InWatch,
}

pub(crate) fn check_one(
    root: &Path,
    exercise: &Exercise,
    lang: Lang,
    times: usize,
    shown: Shown,
) -> ExitCode {
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
