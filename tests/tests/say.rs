//! `common::say!` and the trace under load, and `common`'s handling of bad input, run as a real
//! program (`say-stress`) would meet them.

use harness::Example;
use std::collections::HashMap;
use std::os::unix::ffi::OsStrExt;

const STRESS: &str = env!("CARGO_BIN_EXE_say-stress");

/// Checks that `lines` hold every `stress <t> <i> <padding>` line once, whole, and each thread's
/// lines in the order it printed them.
fn check_stress_lines<'a>(
    lines: impl Iterator<Item = &'a str>,
    threads: usize,
    per_thread: usize,
) -> Result<(), String> {
    let padding = "x".repeat(300);
    let mut next: HashMap<usize, usize> = HashMap::new();
    for line in lines.filter(|line| {
        line.starts_with("stress ")
            && !line.starts_with("stress start")
            && !line.starts_with("stress end")
    }) {
        let fields: Vec<&str> = line.split(' ').collect();
        let [_, t, i, tail] = fields.as_slice() else {
            return Err(format!("torn line {line:?}"));
        };
        if *tail != padding {
            return Err(format!("torn line {line:?}"));
        }
        let (t, i): (usize, usize) = (
            t.parse().map_err(|_| line.to_owned())?,
            i.parse().map_err(|_| line.to_owned())?,
        );
        let expected = next.entry(t).or_insert(0);
        if i != *expected {
            return Err(format!("thread {t}: line {i} where {expected} was due"));
        }
        *expected += 1;
    }
    if next.len() != threads || next.values().any(|&n| n != per_thread) {
        return Err(format!("lines per thread: {next:?}"));
    }
    Ok(())
}

#[test]
fn lines_of_eight_threads_never_tear_and_all_reach_the_trace() {
    let run = Example::new(STRESS).arg("8").arg("1000").run();
    run.assert_success();
    run.assert_count("stress ", 8002);
    if let Err(problem) = check_stress_lines(run.stdout.iter().map(String::as_str), 8, 1000) {
        run.fail(&format!("stdout: {problem}"));
    }
    if let Err(problem) = check_stress_lines(run.said().iter().map(|e| e.msg.as_str()), 8, 1000) {
        run.fail(&format!("trace: {problem}"));
    }
    run.assert_trace_complete();
    // Within one process the trace keeps stdout's order exactly.
    let traced: Vec<&str> = run.said().iter().map(|e| e.msg.as_str()).collect();
    if traced != run.stdout {
        run.fail("expected the trace in stdout's order");
    }
    for event in run.said() {
        assert_eq!(
            (event.pid, event.process.as_str()),
            (run.pid, "MainProcess")
        );
    }
    run.assert_thread("stress 7 999", "stress 7");
    run.assert_thread("stress start", "main");
}

#[test]
fn every_line_of_eight_processes_reaches_stdout_and_the_trace_once() {
    let run = Example::new(STRESS).args(["processes", "8", "10000"]).run();
    run.assert_success();
    run.assert_count("stress ", 80_002);
    if let Err(problem) = check_stress_lines(run.stdout.iter().map(String::as_str), 8, 10_000) {
        run.fail(&format!("stdout: {problem}"));
    }
    if let Err(problem) = check_stress_lines(run.said().iter().map(|e| e.msg.as_str()), 8, 10_000) {
        run.fail(&format!("trace: {problem}"));
    }
    run.assert_trace_complete();
    // Each child printed its own lines, from its own process.
    for p in 0..8 {
        let from_p = run
            .said()
            .into_iter()
            .filter(|e| e.msg.starts_with(&format!("stress {p} ")));
        assert!(
            from_p
                .into_iter()
                .all(|e| e.process == format!("stress {p}") && e.ppid == run.pid)
        );
    }
    run.assert_no_process_left();
}

#[test]
fn a_full_pipe_that_nobody_reads_for_a_while_loses_no_line() {
    // 8 x 1000 lines of ~320 bytes is 2.5 MB: the 64 KiB pipe fills at once, and the writers
    // wait half a second for the reader.
    let run = Example::new(STRESS)
        .args(["8", "1000"])
        .read_delay(std::time::Duration::from_millis(500))
        .run();
    run.assert_success();
    if let Err(problem) = check_stress_lines(run.stdout.iter().map(String::as_str), 8, 1000) {
        run.fail(&format!("stdout: {problem}"));
    }
    run.assert_trace_complete();
}

#[test]
fn trace_times_never_go_backwards_within_a_process() {
    let run = Example::new(STRESS).arg("4").arg("200").run();
    run.assert_success();
    if run
        .events
        .windows(2)
        .any(|pair| pair[0].t_ns > pair[1].t_ns)
    {
        run.fail("expected non-decreasing t_ns");
    }
}

#[test]
fn a_closed_stdout_ends_the_program_quietly() {
    // `say-stress 8 100000 | head -1`: eight threads meet the closed pipe at once.
    let run = Example::new(STRESS)
        .arg("8")
        .arg("100000")
        .close_stdout_after(1)
        .run();
    run.assert_success();
    run.assert_stderr_empty();
    run.assert_stdout(&["stress start"]);
}

#[test]
fn show_pid_prefixes_who_printed_each_line() {
    let run = Example::new(STRESS)
        .arg("1")
        .arg("1")
        .env("TUTORIAL_SHOW", "pid")
        .run();
    run.assert_success();
    let pid = run.pid;
    run.assert_first(harness::exact(&format!(
        "[MainProcess/main pid={pid}] stress start"
    )));
    run.assert_line(format!("[MainProcess/stress 0 pid={pid}] stress 0 0 ").as_str());
    // The trace keeps the bare line: the prefix only repeats fields it already has.
    run.assert_thread(harness::exact("stress start"), "main");
}

/// Runs `say-stress` with `var` set to `value` and checks for exit 2 and one line naming it.
#[track_caller]
fn assert_rejected(var: &str, value: &std::ffi::OsStr) {
    let run = Example::new(STRESS).arg("1").arg("1").env(var, value).run();
    run.assert_exit_code(2);
    run.assert_stdout(&[]);
    let lines: Vec<&str> = run.stderr.lines().collect();
    if lines.len() != 1 || !lines[0].starts_with(&format!("error: invalid {var}=")) {
        run.fail(&format!("expected one stderr line naming {var}"));
    }
}

#[test]
fn a_bad_time_scale_exits_2_naming_the_variable() {
    for bad in ["", "abc", "-1", "NaN", "inf", "1e300"] {
        assert_rejected("TUTORIAL_TIME_SCALE", std::ffi::OsStr::new(bad));
    }
    assert_rejected(
        "TUTORIAL_TIME_SCALE",
        std::ffi::OsStr::from_bytes(b"0.\xff"),
    );
}

#[test]
fn a_bad_show_value_exits_2_naming_the_variable() {
    for bad in ["", "yes", "PID"] {
        assert_rejected("TUTORIAL_SHOW", std::ffi::OsStr::new(bad));
    }
    assert_rejected("TUTORIAL_SHOW", std::ffi::OsStr::from_bytes(b"pi\xffd"));
}

#[test]
fn an_unopenable_trace_path_exits_2_naming_the_variable() {
    assert_rejected("TUTORIAL_TRACE", std::ffi::OsStr::new(""));
    assert_rejected(
        "TUTORIAL_TRACE",
        std::ffi::OsStr::new("/nonexistent-dir/trace.jsonl"),
    );
    let dir = tempfile::tempdir().expect("tempdir");
    assert_rejected("TUTORIAL_TRACE", dir.path().as_os_str());
}

#[test]
fn running_twice_into_one_trace_file_keeps_only_the_second_run() {
    // The README's `TUTORIAL_TRACE=target/trace.jsonl cargo run -p pool-map`, run twice: the
    // second run's main process finds the first run over and starts the file afresh, while its
    // own children append to it.
    let dir = tempfile::tempdir().expect("tempdir");
    let trace = dir.path().join("trace.jsonl");
    let mut pids = Vec::new();
    for _ in 0..2 {
        let child = std::process::Command::new(STRESS)
            .args(["processes", "2", "3"])
            .env("TUTORIAL_TRACE", &trace)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("run say-stress");
        pids.push(child.id());
        let output = child.wait_with_output().expect("wait");
        assert!(output.status.success());
    }
    let events = common::trace::read(&trace).expect("a readable trace");
    let mains: std::collections::BTreeSet<u32> = events
        .iter()
        .filter(|e| e.process == "MainProcess")
        .map(|e| e.pid)
        .collect();
    assert_eq!(mains, [pids[1]].into(), "{events:#?}");
    let said = events
        .iter()
        .filter(|e| e.kind == harness::Kind::Say)
        .count();
    assert_eq!(
        said,
        2 + 2 * 3,
        "one run's lines: start, end and 3 per child"
    );
}
