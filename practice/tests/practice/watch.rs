//! `watch` checks again when a file is saved (its screen read through a pipe; in a real terminal:
//! `terminal.rs`).

use super::*;
use std::io::{BufRead, BufReader};

#[test]
fn watch_checks_again_when_a_file_is_saved() {
    let _turn = turn();
    let exercises = Exercises::new();
    let mut watching = exercises
        .command(&["watch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start practice watch");
    let (lines, received) = std::sync::mpsc::channel();
    let out = watching.stdout.take().expect("stdout");
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut seen = Vec::new();
    let wait_for = |text: &str, seen: &mut Vec<String>| {
        while Instant::now() < deadline {
            if let Ok(line) = received.recv_timeout(Duration::from_millis(100)) {
                let found = line.contains(text);
                seen.push(line);
                if found {
                    return;
                }
            }
        }
        panic!("no line with {text:?} in:\n{}", seen.join("\n"));
    };
    wait_for("✗ 01", &mut seen);
    // The screen names the file to edit, as a path from where practice was started, and how
    // far along the learner is.
    let file = exercises.path().join("01-join-the-threads/src/main.rs");
    assert!(
        seen.iter()
            .any(|l| l == &format!("the file to edit: {}", file.display())),
        "{}",
        seen.join("\n")
    );
    assert!(
        seen.iter()
            .any(|l| l.contains("checking 01 join-the-threads (passed 0/36; the notes 0/12)"))
    );
    wait_for("save a change to check again", &mut seen);
    // Untouched, or saved without a change, the exercise is not checked again (the check's own
    // build writes under target/, which the watcher sees too).
    let main_rs = exercises.path().join("01-join-the-threads/src/main.rs");
    std::thread::sleep(Duration::from_secs(2));
    let same = std::fs::read(&main_rs).expect("read");
    std::fs::write(&main_rs, same).expect("save unchanged");
    std::thread::sleep(Duration::from_secs(3));
    while let Ok(line) = received.try_recv() {
        seen.push(line);
    }
    let checks = seen.iter().filter(|l| l.contains("checking 01")).count();
    assert_eq!(
        checks,
        1,
        "checked again without a change:\n{}",
        seen.join("\n")
    );
    exercises.solve("01-join-the-threads");
    wait_for("✓ 01", &mut seen);
    // The pass stays on the screen until a key, or five seconds.
    wait_for(
        "On to the next exercise: press a key, or wait 5 s",
        &mut seen,
    );
    wait_for("checking 02", &mut seen);
    wait_for("l list, q quit", &mut seen);
    // Keys: l the list, h the next hint, q quits.
    let mut keys = watching.stdin.take().expect("stdin");
    std::io::Write::write_all(&mut keys, b"l").expect("type l");
    wait_for("✓ 01 join-the-threads", &mut seen);
    std::io::Write::write_all(&mut keys, b"h").expect("type h");
    wait_for("02 move-the-name (hint 1/2)", &mut seen);
    // A change saved to another exercise's file checks that one; p goes to the previous one.
    let other = exercises.path().join("05-send-num-back/src/main.rs");
    let mut text = std::fs::read_to_string(&other).expect("read 05");
    text.push_str("// a change\n");
    std::fs::write(&other, text).expect("save 05");
    wait_for("checking 05 send-num-back", &mut seen);
    wait_for("n next exercise, p previous", &mut seen);
    std::io::Write::write_all(&mut keys, b"p").expect("type p");
    wait_for("checking 04 end-the-consumer", &mut seen);
    std::io::Write::write_all(&mut keys, b"q").expect("type q");
    let quit = Instant::now() + Duration::from_secs(10);
    while watching.try_wait().expect("wait").is_none() && Instant::now() < quit {
        std::thread::sleep(Duration::from_millis(50));
    }
    let status = watching.try_wait().expect("wait");
    let _ = watching.kill();
    let _ = watching.wait();
    assert!(
        status.is_some_and(|s| s.success()),
        "q did not end watch: {status:?}"
    );
}
