//! The start methods' exercise: a child started by `spawn` gets what it needs as arguments.

use super::*;

/// "child says: <greeting>" printed by the child process "Greeter", which `spawn` started; then
/// "parent: the child has greeted" by the main process.
fn greeted(run: &Run, greeting: &str) -> Result<(), Problem> {
    let says = format!("child says: {greeting}");
    if line(run, &says).is_none() {
        let empty = run.stdout.iter().any(|l| l.trim_end() == "child says:");
        if empty {
            return Err(Problem::new(
                format!(
                    "자식이 빈 인사를 찍었습니다({} 찍혀야 함). spawn으로 시작한 자식은 프로그램을 새로 실행한 것이라 부모가 전역 변수에 넣은 것을 보지 못합니다. 인사를 target의 인자로 넘기세요.",
                    with(&format!("'{says}'"), Josa::IGa)
                ),
                format!(
                    "the child greeted with nothing ('{says}' was expected): a child started by spawn is a fresh run of the program and does not see what the parent put in a global. Hand the greeting over as the target's argument."
                ),
            ));
        }
        return Err(expected(run, &says));
    }
    let child = printed_by(run, &says)?;
    if child.pid == run.pid || child.process != "Greeter" {
        return Err(Problem::new(
            format!(
                "{} 자식 프로세스 'Greeter'가 아니라 '{}'가 찍었습니다.",
                with(&format!("'{says}'"), Josa::EulReul),
                child.process
            ),
            format!(
                "'{says}' was printed by '{}', not by the child process 'Greeter'.",
                child.process
            ),
        ));
    }
    let how = run
        .events_of_kind(Kind::ProcessStart)
        .into_iter()
        .find(|e| e.pid == child.pid)
        .map(|e| e.msg.clone())
        .unwrap_or_default();
    if how != "start (spawn)" {
        return Err(Problem::new(
            format!(
                "자식이 spawn이 아니라 '{how}'로 시작되었습니다. 시작 방법은 그대로 두고, 자식에게 필요한 것을 인자로 넘기세요."
            ),
            format!(
                "the child was started with '{how}', not by spawn: keep the start method, and hand the child what it needs as arguments."
            ),
        ));
    }
    let done = "parent: the child has greeted";
    if printed_by(run, done)?.pid != run.pid || line(run, done) < line(run, &says) {
        return Err(Problem::new(
            format!("'{done}'은 자식을 기다린 뒤에 부모가 찍어야 합니다."),
            format!("'{done}' is printed by the parent, after waiting for the child."),
        ));
    }
    Ok(())
}

fn pass_it_along(run: &Seen) -> Result<(), Problem> {
    greeted(run, "hello from main")
}

fn greet_in_a_child_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    greeted(run, &format!("greeting number {}", args[0]))
}

/// The check of each exercise of this part, and the checker's call of its function if it has
/// one.
pub(super) fn mechanism(package: &str) -> Option<(Check, Option<Probe>)> {
    Some(match package {
        "pass-it-along" => (
            pass_it_along,
            Some(Probe {
                bin: "check-35",
                signature: "pub fn greet_in_a_child(greeting: &str)",
                // The number in the greeting.
                args: &[(100, 999)],
                names: &[["인사말의 번호", "number in the greeting"]],
                check: greet_in_a_child_call,
                late_starts: true,
                second_call: &[],
                hold: None,
            }),
        ),
        _ => return None,
    })
}
