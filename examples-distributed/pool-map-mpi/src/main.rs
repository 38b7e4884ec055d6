//! Pool 사용하기, beyond one machine — the notes' `Pool(4).map(work, range(1, 100))` on MPI ranks.
//!
//! 실행(`examples-distributed/` 안에서): `cargo build` 다음에 `mpirun -n 4 target/debug/pool-map-mpi`
//! 눈여겨볼 점: 1부터 99까지 모든 수가 한 번씩, 그 수를 받은 랭크가 출력합니다(랭크 0은 1부터 25,
//! 랭크 1은 26부터 50, ...). 그다음 랭크 0이 요약을 출력합니다. 랭크들은 `mpirun`이 이 기계나 다른
//! 호스트에서 시작한 별개의 프로세스이고, 풀의 작업 큐 대신 `scatter`와 `gather`를 씁니다.
//! Run (in `examples-distributed/`): `cargo build` then `mpirun -n 4 target/debug/pool-map-mpi`
//! Notice: every number from 1 to 99 once, each printed by the rank it was sent to (rank 0 gets
//! 1 to 25, rank 1 26 to 50, ...), then rank 0's summary. The ranks are separate processes started
//! by `mpirun`, here or on other hosts; `scatter` and `gather` replace the pool's task queue.

use common::{current_process, say};
use mpi::datatype::{Partition, PartitionMut};
use mpi::traits::*;

/// 노트의 `work(x)`: 받은 수를 출력합니다. 랭크 0이 순서를 확인할 수 있도록 그 수를 돌려주기도 합니다.
/// The notes' `work(x)`: print it. It also returns it, so that rank 0 can check the order.
fn work(x: i32) -> i32 {
    say!("{x}");
    x
}

/// 랭크마다 받는 항목 수와 그 블록이 시작하는 곳. 모든 랭크에서 같으므로, scatter 전에 아무것도
/// 보낼 필요가 없습니다.
/// How many items each rank gets, and where its block starts: the same on every rank, so nothing
/// has to be sent before the scatter.
fn blocks(items: usize, ranks: usize) -> (Vec<i32>, Vec<i32>) {
    let counts: Vec<i32> = (0..ranks)
        .map(|r| (items / ranks + usize::from(r < items % ranks)) as i32)
        .collect();
    let displs = counts
        .iter()
        .scan(0, |start, &count| {
            Some(std::mem::replace(start, *start + count))
        })
        .collect();
    (counts, displs)
}

fn main() {
    let universe = mpi::initialize().expect("initialize MPI");
    let world = universe.world();
    let (rank, size) = (world.rank(), world.size());
    common::set_process_name(format!("rank {rank}"));

    // 한 MPI에 링크된 바이너리를 다른 MPI의 `mpirun`으로 시작하면, 서로 만나지 못하는 크기 1짜리
    // 세계가 N개 돕니다. 런처가 프로세스를 몇 개 시작했는지 알려 주므로 그 수와 견주어 봅니다.
    // A binary linked against one MPI but started by another MPI's `mpirun` runs N worlds of
    // size 1 that never meet. The launcher tells how many processes it started: compare.
    let requested = ["OMPI_COMM_WORLD_SIZE", "PMI_SIZE"]
        .iter()
        .find_map(|var| std::env::var(var).ok());
    if let Some(requested) = requested
        .and_then(|n| n.parse::<i32>().ok())
        .filter(|&n| n != size)
    {
        eprintln!(
            "error: the launcher started {requested} processes, but this one sees a world of {size} \
             (pid {}): it was built against a different MPI than the mpirun that started it",
            current_process().pid
        );
        std::process::exit(1);
    }

    let data: Vec<i32> = (1..100).collect(); // 파이썬의 range(1, 100)
    let (counts, displs) = blocks(data.len(), size as usize);
    let mut mine = vec![0; counts[rank as usize] as usize];
    let root = world.process_at_rank(0);
    if rank == 0 {
        root.scatter_varcount_into_root(
            &Partition::new(&data[..], &counts[..], &displs[..]),
            &mut mine[..],
        );
    } else {
        root.scatter_varcount_into(&mut mine[..]);
    }

    let results: Vec<i32> = mine.into_iter().map(work).collect();

    if rank == 0 {
        let mut gathered = vec![0; data.len()];
        root.gather_varcount_into_root(
            &results[..],
            &mut PartitionMut::new(&mut gathered[..], &counts[..], &displs[..]),
        );
        let from = counts.iter().filter(|&&count| count > 0).count();
        let order = if gathered == data {
            "in input order"
        } else {
            "OUT OF ORDER"
        };
        let ranks = if from == 1 { "rank" } else { "ranks" };
        say!(
            "gathered {} results from {from} {ranks}, {order}",
            gathered.len()
        );
        if gathered != data {
            std::process::exit(1);
        }
    } else {
        root.gather_varcount_into(&results[..]);
    }
}
