//! Every process writes into its own `process_exit` how many times it read or wrote a shared
//! `Value` or `Array` or called a manager's proxy, under every start method: exactly its own
//! accesses, none inherited from a forking parent. The exercise checker relies on it to tell children that added from a parent that
//! worked the total out.

use harness::{Example, Kind};

const SHARED_COUNT: &str = env!("CARGO_BIN_EXE_shared-count");

#[test]
fn each_child_reports_its_own_shared_accesses_under_every_method() {
    for method in ["fork", "spawn", "forkserver"] {
        let run = Example::new(SHARED_COUNT)
            .env("TUTORIAL_START_METHOD", method)
            .run();
        run.assert_success();
        run.assert_line("value: 11");
        run.assert_line(r#"dict: [("worker", 1)]"#);
        let exits = run.events_of_kind(Kind::ProcessExit);
        let shared = |name: &str| {
            let exit = exits
                .iter()
                .find(|e| e.process == name)
                .unwrap_or_else(|| run.fail(&format!("{method}: {name} has no process_exit")));
            (exit.exitcode, exit.shared)
        };
        assert_eq!(shared("idle"), (Some(0), Some(0)), "{method}: idle");
        assert_eq!(shared("worker"), (Some(0), Some(27)), "{method}: worker");
        // Main's own: 7 reads and 7 writes, the value read once more, and `d.items()` (the
        // checker reads it to see that main read what its children wrote).
        assert_eq!(
            shared("MainProcess").1,
            Some(16),
            "{method}: the main process counts its own"
        );
    }
}
