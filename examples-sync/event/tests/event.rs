//! `event`: main이 이벤트를 설정하기 전에는 어느 작업자도 다음으로 넘어가지 않습니다.
//! `event`: no worker goes on before main sets the event.

use harness::exact;

harness::example!(
    "event",
    threads,
    recording = harness::checks::Recording {
        orders: &[("main sets the event", "goes on")],
        ..Default::default()
    },
    python = harness::checks::Twin::default()
);

#[test]
fn no_worker_goes_on_before_main_sets_the_event() {
    let run = run();
    run.assert_count(exact("main sets the event"), 1);
    run.assert_count("goes on", 3);
    run.assert_before(exact("main sets the event"), "goes on");
    run.assert_thread(exact("main sets the event"), "main");
    for i in 0..3 {
        run.assert_before(
            exact(&format!("worker {i} waits")),
            exact(&format!("worker {i} goes on")),
        );
        run.assert_thread(
            exact(&format!("worker {i} goes on")),
            &format!("worker {i}"),
        );
    }
}
