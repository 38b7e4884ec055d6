//! The commands around the checks: `list`, `hint`, `solution`, and bad input.

use super::*;

#[test]
fn the_list_marks_what_passed_and_names_the_next() {
    let _turn = turn();
    let exercises = Exercises::new();
    let before = stdout(&exercises.practice(&[]));
    assert!(before.contains("✗ 01 join-the-threads"), "{before}");
    assert!(
        before.contains("next: cargo run -p practice -- check 01"),
        "{before}"
    );
    exercises.solve("01-join-the-threads");
    let checked = exercises.practice_not_stuck(&["check", "01"]);
    assert!(checked.status.success(), "{}", stdout(&checked));
    let after = stdout(&exercises.practice(&["list"]));
    assert!(after.contains("✓ 01 join-the-threads"), "{after}");
    // How far along, in all and in each chapter.
    assert!(after.contains("passed 1/36"), "{after}");
    assert!(after.contains("— the notes 1/12 —"), "{after}");
    assert!(after.contains("— the kept Pool 0/5 —"), "{after}");
    assert!(
        after.contains("next: cargo run -p practice -- check 02"),
        "{after}"
    );
    // A ✓ belongs to the source that passed: the file put back to its start loses it.
    std::fs::copy(
        workspace().join("exercises/01-join-the-threads/src/main.rs"),
        exercises.path().join("01-join-the-threads/src/main.rs"),
    )
    .expect("put 01 back");
    let back = stdout(&exercises.practice(&["list"]));
    assert!(back.contains("✗ 01 join-the-threads"), "{back}");
}

#[test]
fn hint_and_solution_show_what_they_say() {
    let _turn = turn();
    let exercises = Exercises::new();
    // Hints come one at a time, from a nudge to the key idea.
    let first = stdout(&exercises.practice(&["hint", "04"]));
    assert!(
        first.contains("(hint 1/2): When does the consumer's `for` end?"),
        "{first}"
    );
    assert!(
        first.contains("next hint: cargo run -p practice -- hint 04"),
        "{first}"
    );
    let hint = exercises.practice(&["hint", "04"]);
    assert!(hint.status.success());
    assert!(
        stdout(&hint).contains("(hint 2/2): ")
            && stdout(&hint).contains("`drop` main's own `q_put`"),
        "{}",
        stdout(&hint)
    );
    // The last hint names the property the exercise is checked for, from the list.
    assert!(
        stdout(&hint).contains("the property this exercise checks for: The consumer takes every message off the channel and stops because the channel closed"),
        "{}",
        stdout(&hint)
    );
    // The last hint says it is the last, and offers the solution.
    assert!(
        stdout(&hint).contains("That was the last hint.")
            && stdout(&hint).contains("solution 04 --force"),
        "{}",
        stdout(&hint)
    );
    let korean = exercises.in_korean(&["hint", "04"]);
    assert!(
        stdout(&korean).contains("(힌트 2/2): 채널은 보내는 쪽이 모두 사라져야"),
        "{}",
        stdout(&korean)
    );
    // The solution waits for a pass, or --force.
    let early = exercises.practice(&["solution", "02"]);
    assert_eq!(early.status.code(), Some(1));
    assert!(
        stdout(&early).contains("try it first"),
        "{}",
        stdout(&early)
    );
    let solution = exercises.practice(&["solution", "02", "--force"]);
    assert!(stdout(&solution).contains("thread::spawn(move ||"));
    // Its explanation in the learner's language only.
    assert!(stdout(&solution).starts_with("//! Exercise 02, a solution: "));
    assert!(!stdout(&solution).contains("풀이"), "{}", stdout(&solution));
    let korean = exercises.in_korean(&["solution", "02", "--force"]);
    assert!(
        stdout(&korean).starts_with("//! 연습 02의 풀이 — `move`가"),
        "{}",
        stdout(&korean)
    );
    assert!(
        !stdout(&korean).contains("Exercise 02"),
        "{}",
        stdout(&korean)
    );
    exercises.solve("02-move-the-name");
    let checked = exercises.practice_not_stuck(&["check", "2"]);
    assert!(checked.status.success(), "{}", stdout(&checked));
    let after = exercises.practice(&["solution", "move-the-name"]);
    assert!(
        stdout(&after).contains("thread::spawn(move ||"),
        "{}",
        stdout(&after)
    );
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let exercises = Exercises::new();
    for (args, message) in [
        (
            &["check", "99"][..],
            "error: no exercise \"99\" (there are 01 to 36)\n",
        ),
        (
            &["hint", "nothing"][..],
            "error: no exercise \"nothing\" (there are 01 to 36)\n",
        ),
        (
            &["check", "01", "--times", "0"][..],
            "error: --times takes 1 to 20, not \"0\"\n",
        ),
        (
            &["check", "01", "--times", "many"][..],
            "error: --times takes 1 to 20, not \"many\"\n",
        ),
        (
            &["frobnicate"][..],
            "error: no command \"frobnicate\" (one of list, check, hint, solution, watch). usage: cargo run -p practice -- [--lang ko|en] [list | check <n> [--times <k>] | hint <n> | solution <n> [--force] | watch]\n",
        ),
        (
            &["check"][..],
            "usage: cargo run -p practice -- [--lang ko|en] [list | check <n> [--times <k>] | hint <n> | solution <n> [--force] | watch]\n",
        ),
        (
            &["check", "join-the-thread"][..],
            "error: no exercise \"join-the-thread\" (there are 01 to 36); did you mean 01 join-the-threads?\n",
        ),
    ] {
        let output = exercises.practice(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), message, "{args:?}");
    }
    // Help is asked for, not a mistake: the usage, as the learner types it, and 0.
    for help in ["--help", "-h", "help"] {
        let output = exercises.practice(&[help]);
        assert_eq!(output.status.code(), Some(0), "{help}");
        assert!(
            stdout(&output).starts_with("usage: cargo run -p practice -- "),
            "{}",
            stdout(&output)
        );
    }
    let output = Command::new(PRACTICE)
        .args(["--lang", "fr"])
        .output()
        .expect("run practice");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: --lang은 ko나 en입니다(\"fr\"는 없습니다) / --lang takes ko or en, not \"fr\"\n"
    );
}
