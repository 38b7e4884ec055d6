//! 검사기가 연습 11의 `dine(philosophers, meals)`를 자기 수로 부르고, 그동안 철학자들을 아무 때나
//! 멈춥니다(`interrupt_threads`). 모두가 포크 하나씩 쥔 채 기다리게 될 수 있는 포크 순서는
//! `at_the_table`이 없어도 여기서 멈춥니다.
//! The checker calls exercise 11's `dine(philosophers, meals)` with numbers of its own, while the
//! philosophers are stopped at random moments (`interrupt_threads`): an order of forks that can
//! leave everyone holding one and waiting hangs here, even without `at_the_table`.

#[allow(dead_code)]
#[path = "../11-dining-philosophers/src/main.rs"]
mod learner;

use check_protocol::{Found, report};

use std::time::Duration;

fn main() {
    let args: [usize; 2] = check_protocol::numbers();
    let interrupter =
        common::perturb::interrupt_threads(Duration::from_micros(100), Duration::from_micros(300));
    // 저녁 식사를 적어도 세 번 차례로 하고, 한 번이 2.5초 안에 끝나는 동안은 열 번까지 계속함.
    // 바쁜 기계에서 세 번을 빠져나간 경쟁(테스트에서 본 적 있음)도 더 많은 식사에서는 걸리고,
    // 맞는 순서는 같은 부하로 느려져도 멈춤 판정 시간보다 한참 먼저 끝남.
    // Three dinners at least, one after the other, and on up to ten while they take under 2.5 s:
    // a race that escaped three dinners on a loaded machine (a test saw it) meets more, and a
    // right order, slowed by the same load, still ends well within the hang limit.
    let started = std::time::Instant::now();
    let mut dinners = 0;
    while dinners < 3 || (dinners < 10 && started.elapsed() < Duration::from_millis(2500)) {
        learner::dine(args[0], args[1]);
        dinners += 1;
    }
    interrupter.stop();
    common::say!("{}", report(Found::Number(dinners)));
}
