//! The exit sequence runs in one order, whichever of printing or forking a program does first:
//! Python's exit rule ends the daemon children, then the main process writes its `process_exit`.

use harness::{Example, Kind};

const EXIT_ORDER: &str = env!("CARGO_BIN_EXE_exit-order");

fn assert_children_end_before_main(mode: &str) {
    let run = Example::new(EXIT_ORDER).arg(mode).run();
    run.assert_success();
    let exits: Vec<_> = run.events_of_kind(Kind::ProcessExit);
    let daemon = exits
        .iter()
        .position(|e| e.process == "daemon")
        .unwrap_or_else(|| run.fail("the daemon has no process_exit"));
    let main = exits
        .iter()
        .position(|e| e.process == "MainProcess")
        .unwrap_or_else(|| run.fail("the main process has no process_exit"));
    assert_eq!(
        exits[daemon].exitcode,
        Some(-15),
        "terminated by the exit rule"
    );
    if daemon > main {
        run.fail(&format!(
            "{mode}: the main process's process_exit came before its daemon's"
        ));
    }
    let last = run.events.last().expect("events");
    assert_eq!(
        (last.kind, last.process.as_str()),
        (Kind::ProcessExit, "MainProcess")
    );
}

#[test]
fn a_program_that_prints_first_ends_its_daemon_before_its_own_last_event() {
    assert_children_end_before_main("print-first");
}

#[test]
fn a_program_that_forks_first_ends_its_daemon_before_its_own_last_event() {
    assert_children_end_before_main("fork-first");
}
