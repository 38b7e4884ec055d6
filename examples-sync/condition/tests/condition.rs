//! `condition`: `Mutex`와 `Condvar`가 모든 항목을 순서대로 한 번씩 넘깁니다.
//! `condition`: a `Mutex` and a `Condvar` hand every item over once, in order.

use harness::exact;

harness::example!(
    "condition",
    threads,
    recording = harness::checks::Recording {
        orders: &[("produced 0", "consumed 0"), ("consumed 4", "all 5 items")],
        ..Default::default()
    },
    python = harness::checks::Twin::default()
);

#[test]
fn every_item_is_consumed_once_in_order_after_it_was_produced() {
    let run = run();
    let consumed: Vec<&String> = run
        .stdout
        .iter()
        .filter(|line| line.starts_with("consumed "))
        .collect();
    assert_eq!(
        consumed,
        [
            "consumed 0",
            "consumed 1",
            "consumed 2",
            "consumed 3",
            "consumed 4"
        ]
    );
    for item in 0..5 {
        // "produced" is printed under the lock, before the item is in the queue.
        run.assert_before(
            exact(&format!("produced {item}")),
            exact(&format!("consumed {item}")),
        );
        run.assert_thread(exact(&format!("consumed {item}")), "consumer");
        run.assert_thread(exact(&format!("produced {item}")), "producer");
    }
    run.assert_last(exact("all 5 items consumed"));
}
