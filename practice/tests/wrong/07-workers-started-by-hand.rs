//! Wrong (from the third blind review): no pool at all: four processes started by hand (named
//! like pool workers) each take every fourth item and send the results back over pipes.
//! Named: is not a pool's worker

use common::ipc::pipe;
use common::process::Process;
use common::python::Py;
use common::say;

pub fn map_in_the_pool(f: fn(u32) -> u32, items: Vec<u32>) -> Vec<u32> {
    let workers = 4;
    let mut procs = Vec::new();
    let mut conns = Vec::new();
    for w in 0..workers {
        let (parent, child) = pipe().expect("a pipe");
        let mine: Vec<(usize, u32)> = items
            .iter()
            .copied()
            .enumerate()
            .filter(|(i, _)| i % workers == w)
            .collect();
        let mut p = Process::new(move || {
            let out: Vec<(usize, u32)> = mine.into_iter().map(|(i, x)| (i, f(x))).collect();
            child.send(&out).expect("send");
        })
        .name(format!("ForkPoolWorker-{}", w + 1));
        p.start().expect("start a worker");
        procs.push(p);
        conns.push(parent);
    }
    let mut results = vec![0; items.len()];
    for c in &conns {
        let out: Vec<(usize, u32)> = c.recv().expect("results");
        for (i, y) in out {
            results[i] = y;
        }
    }
    for p in &mut procs {
        p.join();
    }
    results
}

fn add_ten(x: u32) -> u32 {
    x + 10
}

fn main() {
    let results = map_in_the_pool(add_ten, (1..=10).collect());
    say!("results: {}", Py(&results));
}
