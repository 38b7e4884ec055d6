//! `bench`: what each mechanism costs, against CPython.
//!
//! ```text
//! cargo run --release -p bench -- compare          # both sides, interleaved; writes docs/bench.md and docs/bench.svg
//! cargo run --release -p bench -- measure pipe_roundtrip
//! ```
//! `measure` times one operation of `bench::OPS` in this (fresh, single-threaded) process and
//! prints the median of 5 samples as JSON, with the CPU time it took (this process's and its
//! reaped children's) per unit. `compare` runs every Rust operation through
//! `measure`, each in a process of its own, and its CPython twin (`bench/python/bench.py`),
//! alternating, for 3 rounds, and reports the median of the rounds.

mod chart;
mod report;
mod rows;
mod runner;

use std::process::ExitCode;

/// `measure <name>`: the median ns per unit of 5 samples, as JSON on stdout.
fn measure(name: &str) -> Result<(), String> {
    let op = bench::OPS
        .iter()
        .find(|op| op.name == name)
        .ok_or_else(|| format!("no operation {name:?}"))?;
    (op.run)(op.n.min(10)); // warm up
    let (samples, cpu): (Vec<f64>, Vec<f64>) = (0..5)
        .map(|_| {
            let cpu_before = cpu_ns();
            let elapsed = (op.run)(op.n).as_nanos() as f64;
            let cpu = cpu_ns() - cpu_before;
            (elapsed / op.n as f64, cpu / op.n as f64)
        })
        .unzip();
    let value = serde_json::json!({
        "name": name,
        "ns_per_unit": runner::median(samples.clone()),
        "cpu_ns_per_unit": runner::median(cpu),
        "samples": samples,
    });
    println!("{value}");
    Ok(())
}

/// CPU time (user and system) of this process and of its children reaped so far, in ns.
fn cpu_ns() -> f64 {
    [nix::libc::RUSAGE_SELF, nix::libc::RUSAGE_CHILDREN]
        .into_iter()
        .map(|who| {
            // SAFETY: `getrusage` fills the struct it is given; all-zero bytes are a valid one.
            let mut usage: nix::libc::rusage = unsafe { std::mem::zeroed() };
            // SAFETY: as above; `who` is one of the two values the call accepts.
            unsafe { nix::libc::getrusage(who, &mut usage) };
            let ns = |t: nix::libc::timeval| t.tv_sec as f64 * 1e9 + t.tv_usec as f64 * 1e3;
            ns(usage.ru_utime) + ns(usage.ru_stime)
        })
        .sum()
}

fn main() -> ExitCode {
    common::init(); // `process_start_join_spawn`'s children start here
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["measure", name] => measure(name),
        ["compare"] => runner::compare(3),
        ["compare", "--rounds", n] => n
            .parse()
            .map_err(|_| format!("not a number: {n}"))
            .and_then(runner::compare),
        _ => Err("usage: bench measure <operation> | bench compare [--rounds N]".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
