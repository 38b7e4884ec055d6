//! What a program gets instead of a crash: words for the habit (`println!` in place of `say!`)
//! and for a child's panic its parent did not see.

use super::*;

#[test]
fn println_is_answered_in_words_not_a_crash() {
    let _turn = turn();
    let exercises = Exercises::new();
    let program = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wrong/01-println.rs");
    std::fs::copy(
        program,
        exercises.path().join("01-join-the-threads/src/main.rs"),
    )
    .expect("copy");
    let output = exercises.practice(&["check", "1"]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("printed with `println!`") && text.contains("`say!`"),
        "{text}"
    );
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A child's panic is named with its process, its place and its message, though the parent
/// ended with 0.
#[test]
fn a_childs_panic_is_reported_with_its_process() {
    let _turn = turn();
    let exercises = Exercises::new();
    let program = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wrong/05-child-panics.rs");
    std::fs::copy(
        program,
        exercises.path().join("05-send-num-back/src/main.rs"),
    )
    .expect("copy");
    let output = exercises.practice(&["check", "05"]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("thread 'main' of child process 'SubProcess' (pid ")
            && text.contains("panicked at 05-send-num-back/src/main.rs:9:")
            && text.contains("index out of bounds: the len is 0 but the index is 3"),
        "{text}"
    );
}
