//! `semaphore`: 안에 있는 작업자는 한 번에 둘을 넘지 않습니다.
//! `semaphore`: never more than two workers inside at once.

use harness::exact;

harness::example!(
    "semaphore",
    threads,
    recording = harness::checks::Recording {
        all_numbers: true,
        ..Default::default()
    },
    python = harness::checks::Twin::default()
);

#[test]
fn each_worker_enters_and_leaves_once_from_its_own_thread() {
    let run = run();
    for i in 0..5 {
        let leaves = format!("worker {i} leaves");
        run.assert_count(&format!("worker {i} enters"), 1);
        run.assert_count(exact(&leaves), 1);
        run.assert_thread(exact(&leaves), &format!("worker {i}"));
        run.assert_before(&format!("worker {i} enters"), exact(&leaves));
    }
}

#[test]
fn never_more_than_two_inside() {
    let run = run();
    // The count each one printed as it entered.
    for line in run.lines_matching("enters, inside: ") {
        let inside: usize = run.stdout[line]
            .rsplit(' ')
            .next()
            .and_then(|n| n.parse().ok())
            .expect("a count");
        assert!((1..=2).contains(&inside), "{}", run.stdout[line]);
    }
    // And from the order of the lines: both are printed while the permit is held, so at most two
    // workers are ever between their "enters" and their "leaves".
    let mut inside = 0;
    for line in &run.stdout {
        if line.contains(" enters") {
            inside += 1;
        } else if line.ends_with(" leaves") {
            inside -= 1;
        }
        assert!(inside <= 2, "three inside at {line:?}: {:#?}", run.stdout);
    }
}

#[test]
fn each_printed_count_is_what_the_lines_above_it_say() {
    // The count changes and is printed under one lock, so the lines tell the same story as the
    // counts: "enters, inside: N" is the number of workers that entered and did not leave yet.
    for _ in 0..8 {
        let run = run();
        let mut inside = 0;
        for line in &run.stdout {
            if let Some((_, count)) = line.split_once(" enters, inside: ") {
                inside += 1;
                assert_eq!(count, inside.to_string(), "at {line:?}: {:#?}", run.stdout);
            } else if line.ends_with(" leaves") {
                inside -= 1;
            }
        }
    }
}
