//! `process-pid`에 대한 노트의 주장: PID, 부모의 PID, 그리고 포크가 복사하는 전역 변수.
//! The notes' claims about `process-pid`: PIDs, parent PIDs, and a global copied by fork.

use harness::exact;

harness::example!(
    "process-pid",
    processes,
    recording = harness::checks::Recording {
        orders: &[("PID of proc_1", "PID of proc_2")],
        ..Default::default()
    }
);

#[test]
fn the_parent_prints_its_pid_and_42() {
    let run = run();
    run.assert_stdout_starts(&[&format!("PID of MainProcess : {}", run.pid), "42"]);
    run.assert_process(exact("42"), "MainProcess");
}

#[test]
fn each_child_names_the_parent_and_its_own_pid() {
    let run = run();
    run.assert_count(exact(&format!("PID of parent: {}", run.pid)), 2);
    for name in ["proc_1", "proc_2"] {
        let line = run.event(format!("PID of {name} : ").as_str());
        assert_eq!(line.msg, format!("PID of {name} : {}", line.pid));
        assert_eq!(line.ppid, run.pid);
    }
    run.assert_different_process("PID of proc_1 : ", "PID of proc_2 : ");
}

#[test]
fn each_child_adds_one_to_its_own_copy_of_num() {
    let run = run();
    // 43 twice, never 44: the second child starts from the parent's 42, not the first child's 43.
    run.assert_count(exact("43"), 2);
    run.assert_never(exact("44"));
    let children: Vec<u32> = run
        .events_matching(exact("43"))
        .iter()
        .map(|e| e.pid)
        .collect();
    assert!(children[0] != children[1] && !children.contains(&run.pid));
}

#[test]
fn the_first_child_is_joined_before_the_second_starts() {
    let run = run();
    run.assert_before("PID of proc_1", "PID of proc_2");
    assert_eq!(run.stdout.len(), 10, "{:#?}", run.stdout);
}
