//! Where a panic in another process is told: a pool task's in the caller, once, with its message
//! and place (the worker stays quiet); a child's on stderr, with its exit code 1 to the parent.

use harness::Example;

const PANICS: &str = env!("CARGO_BIN_EXE_panics");

#[test]
fn a_pool_tasks_panic_is_told_by_the_caller_once() {
    let run = Example::new(PANICS).arg("pool").run();
    run.assert_success();
    let failed = run
        .stdout
        .iter()
        .find(|l| l.starts_with("map failed: "))
        .unwrap_or_else(|| run.fail("the map did not fail"));
    assert!(
        failed.starts_with("map failed: the task for item 5 panicked at tests/src/bin/panics.rs:")
            && failed.ends_with(": boom at 5"),
        "{failed}"
    );
    // The worker printed nothing: no default panic message anywhere.
    if run.stderr.contains("panicked") || run.stderr.contains("boom") {
        run.fail("a worker printed its panic");
    }
    let said = run
        .stdout
        .iter()
        .filter(|l| l.contains("boom at 5"))
        .count();
    assert_eq!(said, 1, "{:?}", run.stdout);
}

#[test]
fn a_childs_panic_is_on_stderr_and_its_exit_code_is_1() {
    let run = Example::new(PANICS).arg("process").run();
    run.assert_success();
    run.assert_process("exitcode = Some(1)", "MainProcess");
    let child = run
        .events
        .iter()
        .find(|e| e.process == "SubProcess")
        .unwrap_or_else(|| run.fail("the child left no event"));
    let head = format!(
        "thread 'main' ({}) panicked at tests/src/bin/panics.rs:",
        child.pid
    );
    assert!(
        run.stderr.contains(&head) && run.stderr.contains("\nchild boom\n"),
        "{}",
        run.stderr
    );
}
