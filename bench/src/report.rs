//! `docs/bench.md`: the table of medians, ratios and targets, with the machine it ran on.

use crate::rows::ROWS;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::process::Command;

pub(crate) fn human(ns: f64) -> String {
    match ns {
        ns if ns >= 1e9 => format!("{:.2} s", ns / 1e9),
        ns if ns >= 1e6 => format!("{:.2} ms", ns / 1e6),
        ns if ns >= 1e3 => format!("{:.2} µs", ns / 1e3),
        ns => format!("{ns:.1} ns"),
    }
}

pub(crate) fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let python = Command::new("python3")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    format!("{cpu}, {cores} cores; {python}; Rust release build")
}

pub(crate) fn report(
    rust: &HashMap<&str, f64>,
    python: &HashMap<&str, f64>,
    cpu: &HashMap<&str, f64>,
    rounds: usize,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# What each mechanism costs: Rust against CPython\n");
    let _ = writeln!(
        out,
        "Measured with `cargo run --release -p bench -- compare` on {}.",
        machine()
    );
    let _ = writeln!(
        out,
        "Each figure is the median of {rounds} rounds (each the median of 5 samples in Rust, 3 in CPython), the two sides interleaved; ratios come from the same run.\n"
    );
    // The ANCHOR comments let the book include the two tables (`{{#include bench.md:table}}`).
    let _ = writeln!(
        out,
        "<!-- ANCHOR: table -->\n| metric | Rust | CPython | CPython / Rust | floor × (Rust, CPython) | mark |\n|---|---|---|---|---|---|"
    );
    for row in ROWS {
        let (r, p) = (rust[row.rust], python[row.python]);
        let ratio = p / r;
        let mark = match row.target {
            Some(t) if ratio >= t => format!("≥ {t}x: met"),
            Some(t) => format!("≥ {t}x: **missed**"),
            None if ratio < 1.0 => "≥ 1x: **missed**".to_owned(),
            None => String::new(),
        };
        // Two figures where a row is under the floor (messages streamed, not round trips).
        let times = |x: f64| {
            if x < 1.0 {
                format!("{x:.2}")
            } else {
                format!("{x:.1}")
            }
        };
        let floor = row.floor.map_or_else(String::new, |floor| {
            format!("{}, {}", times(r / rust[floor]), times(p / rust[floor]))
        });
        let _ = writeln!(
            out,
            "| {} | {} | {} | {ratio:.1}x | {floor} | {mark} |",
            row.metric,
            human(r),
            human(p)
        );
    }
    let _ = writeln!(out, "<!-- ANCHOR_END: table -->");
    let (r1, r2) = (rust["cpu_one_thread"], rust["cpu_two_threads"]);
    let (p1, p2) = (python["cpu_one_thread"], python["cpu_two_threads"]);
    let met = if r1 / r2 >= 1.8 { "met" } else { "**missed**" };
    let _ = writeln!(
        out,
        "\n## CPU-bound work on 2 threads instead of 1 (the GIL lesson)\n"
    );
    let _ = writeln!(
        out,
        "<!-- ANCHOR: gil -->\n| | 1 thread | 2 threads | speed-up |\n|---|---|---|---|"
    );
    let _ = writeln!(
        out,
        "| Rust `std::thread` | {} | {} | {:.2}x (target ≥ 1.8x: {met}) |",
        human(r1),
        human(r2),
        r1 / r2
    );
    let _ = writeln!(
        out,
        "| CPython `threading` | {} | {} | {:.2}x |\n<!-- ANCHOR_END: gil -->",
        human(p1),
        human(p2),
        p1 / p2
    );
    let _ = writeln!(out, "\n## Our wrappers against the raw calls they wrap\n");
    let _ = writeln!(
        out,
        "| wrapper | raw call | wrapper / raw | mark |\n|---|---|---|---|"
    );
    for (wrapper, raw, what, mark) in [
        (
            "process_start_join",
            "raw_fork_waitpid",
            "`Process` start+join / `fork` + `_exit` + `waitpid`",
            Some(1.3),
        ),
        (
            "pipe_roundtrip",
            "raw_socketpair_roundtrip",
            "`ipc::pipe` round trip / 8 bytes each way on a `socketpair`",
            None,
        ),
        (
            "pipe_roundtrip",
            "raw_seqpacket_roundtrip",
            "`ipc::pipe` round trip / 8 bytes each way on a `SOCK_SEQPACKET` pair (what `ipc-channel` uses)",
            None,
        ),
        (
            "shared_counter",
            "raw_atomic",
            "`shm::Value::fetch_add` from 2 processes / `fetch_add` in one thread",
            None,
        ),
    ] {
        let times = rust[wrapper] / rust[raw];
        let mark = match mark {
            Some(m) if times <= m => format!("≤ {m}x: met"),
            Some(m) => format!("≤ {m}x: **missed**"),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "| {what} | {} vs {} | {times:.2}x | {mark} |",
            human(rust[wrapper]),
            human(rust[raw]),
        );
    }
    wake_table(&mut out, rust, cpu);
    out.push_str(include_str!("../notes.md"));
    out
}

/// "What a wake-up costs": each way of waiting, its time and the CPU both processes burn per
/// round trip, across cores and on one core.
fn wake_table(out: &mut String, rust: &HashMap<&str, f64>, cpu: &HashMap<&str, f64>) {
    let _ = writeln!(out, "\n## What a wake-up costs\n");
    let _ = writeln!(
        out,
        "<!-- ANCHOR: wakeup -->\n| the other process | across cores | CPU (both) | one core | CPU (both) |\n|---|---|---|---|---|"
    );
    for (what, op) in crate::rows::WAKE {
        let pinned = format!("{op}@0");
        let _ = writeln!(
            out,
            "| {what} | {} | {} | {} | {} |",
            human(rust[op]),
            human(cpu[op]),
            human(rust[pinned.as_str()]),
            human(cpu[pinned.as_str()]),
        );
    }
    let _ = writeln!(out, "<!-- ANCHOR_END: wakeup -->");
}
