//! The start methods a check takes in turn, and what a failure under one of them says.

use crate::exercises::Problem;
use crate::korean;

/// The start methods an exercise with `start_methods` is checked under: every check runs its
/// plans and calls under all three in turn, from a place the seed draws, so that what works only
/// under fork (a global set before the pool starts) fails every check, not one in three.
pub(crate) const METHODS: [&str; 3] = ["fork", "spawn", "forkserver"];

/// The problem, saying which start method started the run's children, if the check chose one.
pub(crate) fn started_by(method: Option<&str>, problem: Problem) -> Problem {
    match method {
        Some("fork") => Problem {
            ko: format!("(fork로 시작) {}", problem.ko),
            en: format!("(started by fork) {}", problem.en),
            ..problem
        },
        Some(method) => Problem {
            ko: format!(
                "({} 시작) {}",
                korean::with(method, korean::Josa::EuroRo),
                problem.ko
            ),
            en: format!("(started by {method}) {}", problem.en),
            ..problem
        },
        None => problem,
    }
}

/// A panic under a start method that runs the program afresh: what a fork would have copied
/// (a global main set before starting the pool or the child) is not there.
pub(crate) fn afresh(method: &str, panic: Problem) -> Problem {
    if panic.en.contains("NotSpawnable") {
        return Problem::new(
            format!(
                "{} {} 시작하는 자식에게는 클로저를 넘길 수 없습니다(프로그램을 처음부터 다시 실행하므로). `Process::target(함수, 인자)`로 함수와 인자를 넘기세요.",
                panic.ko,
                korean::with(method, korean::Josa::EuroRo)
            ),
            format!(
                "{} A child {method} starts cannot be handed a closure (it runs the program afresh): hand it a function and its arguments with `Process::target(function, args)`.",
                panic.en
            ),
        );
    }
    Problem::new(
        format!(
            "{} {} 시작한 프로세스는 프로그램을 처음부터 다시 실행한 것이라, main이 미리 전역에 넣어 둔 값을 보지 못합니다. 필요한 것은 인자로 넘기세요.",
            panic.ko,
            korean::with(method, korean::Josa::EuroRo)
        ),
        format!(
            "{} A process {method} starts runs the program afresh: it never sees what main put in a global beforehand. Pass what it needs as arguments.",
            panic.en
        ),
    )
}
