//! Wrong (from the third blind review): no pool and no starmap: two processes forced to start by
//! fork (named like pool workers) capture `f` and share the pairs, sending results back over pipes.
//! Named: is not a pool's worker

use common::ipc::pipe;
use common::process::{Process, StartMethod};
use common::python::Py;
use common::{current_process, say};

pub fn products(f: fn(u64, u64) -> u64, pairs: Vec<(u64, u64)>) -> Vec<u64> {
    let workers = 2;
    let mut procs = Vec::new();
    let mut conns = Vec::new();
    for w in 0..workers {
        let (parent, child) = pipe().expect("a pipe");
        let mine: Vec<(usize, (u64, u64))> = pairs
            .iter()
            .copied()
            .enumerate()
            .filter(|(i, _)| i % workers == w)
            .collect();
        let mut p = Process::new(move || {
            let out: Vec<(usize, u64)> = mine.into_iter().map(|(i, (a, b))| (i, f(a, b))).collect();
            child.send(&out).expect("send");
        })
        .name(format!("ForkPoolWorker-{}", w + 1))
        .start_method(StartMethod::Fork);
        p.start().expect("start a worker");
        procs.push(p);
        conns.push(parent);
    }
    let mut results = vec![0; pairs.len()];
    for c in &conns {
        let out: Vec<(usize, u64)> = c.recv().expect("results");
        for (i, y) in out {
            results[i] = y;
        }
    }
    for p in &mut procs {
        p.join();
    }
    results
}

fn mul(a: u64, b: u64) -> u64 {
    say!("{a} * {b} in {}", current_process().name);
    a * b
}

fn main() {
    common::init();
    let results = products(mul, vec![(2, 3), (4, 5), (6, 7)]);
    say!("products: {}", Py(&results));
}
