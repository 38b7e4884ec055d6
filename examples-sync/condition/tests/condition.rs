//! `condition`: `Mutex`와 `Condvar`가 모든 항목을 순서대로 한 번씩 넘깁니다.
//! `condition`: a `Mutex` and a `Condvar` hand every item over once, in order.

use harness::{Example, exact};

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

/// `notify_one` wakes the consumer for each item: at the notes' scale the producer sleeps 200 ms
/// before the next, so each item is consumed before the next is produced (a wide margin).
/// Without the notify the consumer sleeps until the producer's last `notify_all`, and consumes
/// every item at the end (`scripts/mutate-examples condition` saw that pass the other tests).
/// `notify_one`은 항목마다 소비자를 깨웁니다. 생산자는 다음 항목 전에 200ms 자므로, 항목마다 다음
/// 항목이 만들어지기 전에 소비됩니다.
#[test]
fn each_item_is_consumed_before_the_next_is_produced() {
    let run = Example::new(env!("CARGO_BIN_EXE_condition"))
        .scale(1.0)
        .run();
    run.assert_success();
    for item in 0..4 {
        run.assert_before(
            exact(&format!("consumed {item}")),
            exact(&format!("produced {}", item + 1)),
        );
    }
}
