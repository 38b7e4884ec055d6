//! 진짜 `mpirun` 아래의 `pool-map-mpi`: 노트의 `Pool.map` 수업을 MPI 랭크들에 걸쳐서.
//! `pool-map-mpi` under a real `mpirun`: the notes' `Pool.map` lesson across MPI ranks.
//!
//! 이 기계에 맞춘 Open MPI 설정은 프로그램이 아니라 여기서 줍니다. 컨테이너 안에서 root로 실행하기,
//! 코어보다 많은 랭크, 원격 런처에 쓸 ssh 클라이언트가 없음에 맞춘 설정입니다.
//! Open MPI's settings for this machine are given here, not in the program: running as root in a
//! container, more ranks than cores, and no ssh client for a remote launcher.

use harness::{Example, Run, exact};
use std::collections::BTreeSet;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_pool-map-mpi");

fn mpirun(ranks: usize) -> Run {
    let run = Example::new("mpirun")
        .args(["-n", &ranks.to_string(), BIN])
        .env("OMPI_ALLOW_RUN_AS_ROOT", "1")
        .env("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
        .env("OMPI_MCA_rmaps_base_oversubscribe", "1")
        .env("OMPI_MCA_plm", "isolated")
        .timeout(Duration::from_secs(120))
        .run();
    run.assert_success();
    run
}

#[test]
fn four_ranks_print_every_number_once_in_blocks() {
    let run = mpirun(4);
    for x in 1..100 {
        run.assert_count(exact(&x.to_string()), 1);
    }
    // Block r went to rank r: 25, 25, 25 and 24 numbers.
    let blocks = [(0, 1..=25), (1, 26..=50), (2, 51..=75), (3, 76..=99)];
    let mut pids = BTreeSet::new();
    for (rank, block) in blocks {
        for x in block {
            let event = run.event(exact(&x.to_string()));
            assert_eq!(event.process, format!("rank {rank}"), "{event:?}");
            pids.insert(event.pid);
        }
    }
    assert_eq!(pids.len(), 4, "four ranks, four processes: {pids:?}");
    run.assert_no_process_left();
}

#[test]
fn rank_zero_gathers_the_results_in_input_order_after_every_rank_worked() {
    let run = mpirun(4);
    let summary = run.event(exact("gathered 99 results from 4 ranks, in input order"));
    assert_eq!(summary.process, "rank 0");
    // mpirun forwards each rank's output on its own, so stdout's order across ranks is not the
    // order of events; the trace's clock is (one CLOCK_MONOTONIC for the machine), and the
    // gather cannot finish before every rank has printed and sent.
    let last_number = run
        .said()
        .iter()
        .filter(|e| e.msg.parse::<u32>().is_ok())
        .map(|e| e.t_ns)
        .max();
    assert!(last_number < Some(summary.t_ns));
}

#[test]
fn one_rank_still_gives_the_whole_result() {
    let run = mpirun(1);
    run.assert_count_in("", 100..=100);
    run.assert_line(exact("gathered 99 results from 1 rank, in input order"));
    assert_eq!(
        run.said()
            .iter()
            .map(|e| e.pid)
            .collect::<BTreeSet<_>>()
            .len(),
        1
    );
}

#[test]
fn a_world_smaller_than_the_launcher_said_is_refused() {
    // What a binary built against one MPI sees when another MPI's mpirun starts it: a world of 1
    // while the launcher says it started more.
    let run = Example::new(BIN)
        .env("OMPI_COMM_WORLD_SIZE", "4")
        .timeout(Duration::from_secs(60))
        .run();
    run.assert_exit_code(1);
    run.assert_stdout(&[]);
    assert!(
        run.stderr
            .contains("the launcher started 4 processes, but this one sees a world of 1"),
        "{}",
        run.stderr
    );
}

#[test]
fn output_txt_is_a_true_recording() {
    let run = mpirun(4);
    harness::checks::assert_matches_recording(&run, env!("CARGO_MANIFEST_DIR"), Default::default());
}
