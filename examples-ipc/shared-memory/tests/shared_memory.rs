//! `shared-memory`: 자식이 이름으로 블록에 붙고, `unlink`는 이름을 없애며, `unlink` 없이 남긴
//! 블록은 프로그램이 끝날 때 리소스 트래커가 unlink합니다.
//! `shared-memory`: a child attaches to a block by its name; `unlink` removes the name; a block
//! left without `unlink` is unlinked by the resource tracker when the program ends.

use harness::exact;

harness::example!(
    "shared-memory",
    processes,
    python = harness::checks::Twin::default(),
    // Ended at its second line, before `unlink`: the tracker unlinks the block and says so, as
    // Python's does.
    closed_stdout_may_say = "resource_tracker: There appear to be 1 leaked shared_memory"
);

#[test]
fn the_child_writes_by_name_and_the_parent_reads_it_after_the_join() {
    let run = run();
    let name = run.stdout[0]
        .strip_prefix("created ")
        .and_then(|rest| rest.strip_suffix(" of 16 bytes"))
        .expect("the first line names the block");
    assert!(name.starts_with("psm_"), "{name}");
    run.assert_stdout(&[
        &format!("created {name} of 16 bytes"),
        &format!("child wrote into {name}"),
        "parent reads b'hello'",
        &format!("after unlink, nobody can attach: {name}"),
    ]);
    run.assert_process("child wrote into", "Process-1");
    run.assert_process(exact("parent reads b'hello'"), "MainProcess");
    assert!(
        !std::path::Path::new("/dev/shm").join(name).exists(),
        "{name} was unlinked"
    );
}

#[test]
fn a_block_left_without_unlink_is_unlinked_by_the_tracker_which_says_so() {
    let run = harness::Example::new(env!("CARGO_BIN_EXE_shared-memory"))
        .args(["--leak"])
        .run();
    run.assert_success();
    run.assert_no_process_left();
    let leaked = run
        .stdout
        .iter()
        .find_map(|line| line.strip_prefix("left without unlink: "))
        .expect("the leaked block's name");
    // The tracker speaks after the program has ended: stderr is read to its end.
    assert_eq!(
        run.stderr.trim_end(),
        format!(
            "resource_tracker: There appear to be 1 leaked shared_memory objects to clean up at shutdown: /{leaked}"
        )
    );
    assert!(!std::path::Path::new("/dev/shm").join(leaked).exists());
}
