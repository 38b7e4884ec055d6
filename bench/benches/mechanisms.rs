//! `cargo bench -p bench`: divan timings of the operations in `bench::OPS` that stay within one
//! process. (Those that `fork` need a process with one thread; a benchmark harness is not one, so
//! `cargo run --release -p bench -- compare` times them, each in a fresh process.)

fn main() {
    divan::main();
}

#[divan::bench]
fn thread_start_join() -> std::time::Duration {
    bench::thread_start_join(1)
}

#[divan::bench]
fn queue_small_crossbeam() -> std::time::Duration {
    bench::queue_small_crossbeam(1_000)
}

#[divan::bench]
fn raw_atomic() -> std::time::Duration {
    bench::raw_atomic(1_000)
}

#[divan::bench]
fn rayon_map_tiny() -> std::time::Duration {
    bench::rayon_map_tiny(10_000)
}

#[divan::bench]
fn cpu_two_threads() -> std::time::Duration {
    bench::cpu_two_threads(1)
}
