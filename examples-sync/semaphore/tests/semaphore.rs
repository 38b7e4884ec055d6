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
