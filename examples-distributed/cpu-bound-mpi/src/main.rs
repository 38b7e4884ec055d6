//! 기계 한 대를 넘어선 `cpu-bound` 수업: MPI 랭크들에서 소수 세기.
//! The `cpu-bound` lesson beyond one machine: counting primes on MPI ranks.
//!
//! 실행(`examples-distributed/` 안에서): `cargo build --release` 다음에
//! `mpirun -n 2 target/release/cpu-bound-mpi` (크기 지정: `... cpu-bound-mpi 5000000`)
//! 눈여겨볼 점: 랭크가 몇 개이든 개수는 같고, 랭크를 늘리면 코어 수까지(클러스터에서는 호스트와 함께)
//! 시간이 줄어듭니다.
//! Run (in `examples-distributed/`): `cargo build --release` then
//! `mpirun -n 2 target/release/cpu-bound-mpi` (a size: `... cpu-bound-mpi 5000000`)
//! Notice: the same count for any number of ranks, and the time falling as ranks are added, up to
//! the number of cores (and, on a cluster, with the hosts).

use common::say;
use mpi::collective::SystemOperation;
use mpi::traits::*;
use std::time::Instant;

fn is_prime(n: u64) -> bool {
    n >= 2
        && (2..)
            .take_while(|d| d * d <= n)
            .all(|d| !n.is_multiple_of(d))
}

fn main() {
    let universe = mpi::initialize().expect("initialize MPI");
    let world = universe.world();
    let (rank, size) = (world.rank(), world.size());
    common::set_process_name(format!("rank {rank}"));
    let limit: u64 = match std::env::args().nth(1) {
        None => 1_000_000,
        Some(arg) => arg.parse().unwrap_or_else(|_| {
            eprintln!("error: the size must be a whole number, not {arg:?}");
            std::process::exit(2);
        }),
    };
    say!("rank {rank} of {size}: counting");

    world.barrier();
    let started = Instant::now();
    // 수는 1000개씩 묶어서 카드 돌리듯 랭크들에 나눕니다. 랭크 r은 묶음 r, r + size, ...를 맡습니다.
    // 그러면 랭크마다 큰 수와 작은 수를 고르게 받고(큰 수일수록 확인하는 데 오래 걸립니다), 홀수와
    // 짝수도 고르게 받습니다(수를 하나씩 나누면 한 랭크가 짝수를 모두 받게 됩니다).
    // The numbers go out in runs of 1000, dealt round the ranks like cards: rank r takes runs r,
    // r + size, ... Every rank gets big and small numbers alike (the big ones cost more to test),
    // and odd and even ones alike (dealing single numbers would give one rank all the evens).
    const RUN: u64 = 1000;
    let mine: u64 = (rank as u64 * RUN..limit)
        .step_by((size as u64 * RUN) as usize)
        .map(|start| {
            (start..(start + RUN).min(limit))
                .filter(|&n| is_prime(n))
                .count() as u64
        })
        .sum();
    let root = world.process_at_rank(0);
    if rank == 0 {
        let mut total = 0u64;
        root.reduce_into_root(&mine, &mut total, SystemOperation::sum());
        let ms = started.elapsed().as_secs_f64() * 1e3;
        let ranks = if size == 1 { "rank" } else { "ranks" };
        say!("{total} primes below {limit} on {size} {ranks} in {ms:.0} ms");
    } else {
        root.reduce_into(&mine, SystemOperation::sum());
    }
}
