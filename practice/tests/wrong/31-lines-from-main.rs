//! Wrong: main adds every part itself and prints the adders' lines; no thread runs.

use common::say;

pub fn sum_in_threads(items: Vec<u64>, adders: usize) -> u64 {
    (0..adders)
        .map(|t| {
            let part: u64 = items.iter().skip(t).step_by(adders).sum();
            say!("adder {t}: {part}");
            part
        })
        .sum()
}

fn main() {
    let total = sum_in_threads((1..=100).collect(), 4);
    say!("total: {total}");
}
