//! Pool 사용하기, beyond one machine — the notes' `Pool(4).map(work, range(1, 100))` on MPI ranks.
//!
//! Run (in `examples-distributed/`): `cargo build` then `mpirun -n 4 target/debug/pool-map-mpi`
//! Notice: every number from 1 to 99 once, each printed by the rank it was sent to (rank 0 gets
//! 1 to 25, rank 1 26 to 50, ...), then rank 0's summary. The ranks are separate processes started
//! by `mpirun`, here or on other hosts; `scatter` and `gather` replace the pool's task queue.

use common::{current_process, say};
use mpi::datatype::{Partition, PartitionMut};
use mpi::traits::*;

/// The notes' `work(x)`: print it. It also returns it, so that rank 0 can check the order.
fn work(x: i32) -> i32 {
    say!("{x}");
    x
}

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

    let data: Vec<i32> = (1..100).collect(); // range(1, 100)
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
