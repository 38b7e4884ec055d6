//! 진짜 `mpirun` 아래의 `cpu-bound-mpi`: 개수, 그리고 랭크 하나가 죽으면 일어나는 일.
//! `cpu-bound-mpi` under a real `mpirun`: the count, and what happens when a rank dies.

use harness::{Example, Running, Signal};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_cpu-bound-mpi");

fn mpirun(ranks: usize, size: &str) -> Example {
    Example::new("mpirun")
        .args(["-n", &ranks.to_string(), BIN, size])
        .env("OMPI_ALLOW_RUN_AS_ROOT", "1")
        .env("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
        .env("OMPI_MCA_rmaps_base_oversubscribe", "1")
        .env("OMPI_MCA_plm", "isolated")
        .timeout(Duration::from_secs(120))
}

#[test]
fn any_number_of_ranks_finds_the_same_count() {
    for ranks in [1, 2, 3] {
        let run = mpirun(ranks, "200000").run();
        run.assert_success();
        // There are 17984 primes below 200,000.
        let word = if ranks == 1 { "rank" } else { "ranks" };
        run.assert_line(format!("17984 primes below 200000 on {ranks} {word} in ").as_str());
        run.assert_count(" of ", ranks);
        run.assert_no_process_left();
    }
}

#[test]
fn a_killed_rank_ends_the_run_with_an_error_not_a_hang() {
    // A size that keeps the ranks busy for minutes, so that rank 1 is surely mid-work.
    let running: Running = mpirun(2, "2000000000").spawn();
    let rank_1_started = |events: &[harness::Event]| events.iter().any(|e| e.process == "rank 1");
    assert!(
        running.wait_for_trace(Duration::from_secs(60), rank_1_started),
        "rank 1 never started"
    );
    let rank_1 = running
        .events()
        .into_iter()
        .find(|e| e.process == "rank 1")
        .expect("rank 1")
        .pid;
    let killed_at = Instant::now();
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(rank_1 as i32), Signal::SIGKILL)
        .expect("kill rank 1");
    let run = running.wait();
    assert!(!run.status.success(), "mpirun must report the lost rank");
    assert!(
        killed_at.elapsed() < Duration::from_secs(60),
        "mpirun took {:?} to notice",
        killed_at.elapsed()
    );
    for pid in run.pids() {
        assert!(
            harness::reap::wait_gone(pid, Duration::from_secs(10)),
            "rank process {pid} was left behind"
        );
    }
}

#[test]
fn output_txt_is_a_true_recording() {
    let run = mpirun(2, "1000000").run();
    run.assert_success();
    let how = harness::checks::Recording {
        all_numbers: true,
        ..Default::default()
    };
    harness::checks::assert_matches_recording(&run, env!("CARGO_MANIFEST_DIR"), how);
}
