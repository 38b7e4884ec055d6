//! `bench`: what each mechanism costs, against CPython.
//!
//! ```text
//! cargo run --release -p bench -- compare          # both sides, interleaved; writes docs/bench.md and docs/bench.svg
//! cargo run --release -p bench -- measure pipe_roundtrip
//! ```
//! `measure` times one operation of `bench::OPS` in this (fresh, single-threaded) process and
//! prints the median of 5 samples as JSON. `compare` runs every Rust operation through
//! `measure`, each in a process of its own, and its CPython twin (`bench/python/bench.py`),
//! alternating, for 3 rounds, and reports the median of the rounds.

use serde_json::Value;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, ExitCode};

/// A row of the comparison: the Rust operation, its CPython twin and the target ratio.
struct Row {
    metric: &'static str,
    rust: &'static str,
    python: &'static str,
    target: Option<f64>,
}

const ROWS: &[Row] = &[
    Row {
        metric: "thread start+join",
        rust: "thread_start_join",
        python: "thread_start_join",
        target: None,
    },
    Row {
        metric: "process start+join (Python fork)",
        rust: "process_start_join",
        python: "process_start_join_fork",
        target: Some(10.0),
    },
    Row {
        metric: "process start+join (Python spawn)",
        rust: "process_start_join",
        python: "process_start_join_spawn",
        target: None,
    },
    Row {
        metric: "queue, small messages (ipc-channel)",
        rust: "queue_small_ipc",
        python: "queue_small",
        target: Some(10.0),
    },
    Row {
        metric: "queue, small messages, both on one core",
        rust: "queue_small_ipc@0",
        python: "queue_small@0",
        target: None,
    },
    Row {
        metric: "queue, small messages (crossbeam, one process)",
        rust: "queue_small_crossbeam",
        python: "queue_small",
        target: None,
    },
    Row {
        metric: "queue, 1 MiB messages",
        rust: "queue_1mib_ipc",
        python: "queue_1mib",
        target: None,
    },
    Row {
        metric: "pipe round trip",
        rust: "pipe_roundtrip",
        python: "pipe_roundtrip",
        target: Some(5.0),
    },
    Row {
        metric: "pipe round trip, both on one core",
        rust: "pipe_roundtrip@0",
        python: "pipe_roundtrip@0",
        target: None,
    },
    Row {
        metric: "shared counter, 2 processes (per increment)",
        rust: "shared_counter",
        python: "shared_counter",
        target: Some(50.0),
    },
    Row {
        metric: "Pool(4) kept, 200 maps of 100 items (per map)",
        rust: "pool_maps_small",
        python: "pool_maps_small",
        target: Some(10.0),
    },
    Row {
        metric: "Pool(4) kept, 10 maps of 100,000 items (per map)",
        rust: "pool_maps_big",
        python: "pool_maps_big",
        target: Some(5.0),
    },
    Row {
        metric: "Pool(2).map, 100k tiny tasks (per task)",
        rust: "pool_map_tiny",
        python: "pool_map_tiny",
        target: None,
    },
    Row {
        metric: "rayon vs Pool(2).map, 100k tiny tasks",
        rust: "rayon_map_tiny",
        python: "pool_map_tiny",
        target: None,
    },
    Row {
        metric: "Pool(2).map, 8 CPU-bound tasks",
        rust: "pool_map_cpu",
        python: "pool_map_cpu",
        target: None,
    },
    Row {
        metric: "rayon vs Pool(2).map, 8 CPU-bound tasks",
        rust: "rayon_map_cpu",
        python: "pool_map_cpu",
        target: None,
    },
];

/// Units per sample on the CPython side (fewer where CPython is slow; the metric is per unit).
fn python_n(name: &str) -> u64 {
    match name {
        "thread_start_join" => 2_000,
        "process_start_join_fork" => 100,
        "process_start_join_spawn" => 10,
        "queue_small" => 20_000,
        "queue_1mib" => 50,
        "pipe_roundtrip" => 5_000,
        "shared_counter" => 200_000,
        "pool_map_tiny" => 100_000,
        "pool_maps_small" => 200,
        "pool_maps_big" => 10,
        _ => 1,
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// `measure <name>`: the median ns per unit of 5 samples, as JSON on stdout.
fn measure(name: &str) -> Result<(), String> {
    let op = bench::OPS
        .iter()
        .find(|op| op.name == name)
        .ok_or_else(|| format!("no operation {name:?}"))?;
    (op.run)(op.n.min(10)); // warm up
    let samples: Vec<f64> = (0..5)
        .map(|_| (op.run)(op.n).as_nanos() as f64 / op.n as f64)
        .collect();
    let value = serde_json::json!({ "name": name, "ns_per_unit": median(samples.clone()), "samples": samples });
    println!("{value}");
    Ok(())
}

/// A command for `name`; `name@0` runs it pinned to core 0 (`taskset -c 0`), so that the two
/// processes of a round trip never wait for a wake-up on the other core.
fn command(program: &Path, args: &[&str], name: &str) -> Command {
    let (name, pinned) = match name.strip_suffix("@0") {
        Some(name) => (name, true),
        None => (name, false),
    };
    let mut command = if pinned {
        Command::new("taskset")
    } else {
        Command::new(program)
    };
    if pinned {
        command.args(["-c", "0"]).arg(program);
    }
    command.args(args.iter().map(|arg| if *arg == "{}" { name } else { arg }));
    command
}

/// Runs a command that prints one JSON object with `ns_per_unit`.
fn run_json(command: &mut Command) -> Result<f64, String> {
    let output = command
        .output()
        .map_err(|e| format!("cannot run {command:?}: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "{command:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let value: Value =
        serde_json::from_slice(&output.stdout).map_err(|e| format!("{command:?}: {e}"))?;
    value["ns_per_unit"]
        .as_f64()
        .ok_or_else(|| format!("{command:?}: no ns_per_unit"))
}

fn human(ns: f64) -> String {
    match ns {
        ns if ns >= 1e9 => format!("{:.2} s", ns / 1e9),
        ns if ns >= 1e6 => format!("{:.2} ms", ns / 1e6),
        ns if ns >= 1e3 => format!("{:.2} µs", ns / 1e3),
        ns => format!("{ns:.1} ns"),
    }
}

/// What `compare` needs besides itself, checked before the first round: CPython 3.11 or newer
/// (the twins use its `time.perf_counter_ns` and the `fork`/`spawn` start methods) and `taskset`
/// (the pinned rows).
fn check_prerequisites() -> Result<(), String> {
    let python = Command::new("python3")
        .args(["-c", "import sys; print(*sys.version_info[:2])"])
        .output()
        .map_err(|_| "python3 is not on the PATH (bench compare needs CPython 3.11 or newer)")?;
    let version = String::from_utf8_lossy(&python.stdout);
    let numbers: Vec<u32> = version
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    if numbers.len() != 2 {
        return Err("python3 did not run (bench compare needs CPython 3.11 or newer)".to_owned());
    }
    if numbers.as_slice() < [3, 11].as_slice() {
        return Err(format!(
            "python3 is {}, bench compare needs CPython 3.11 or newer",
            version.trim().replace(' ', ".")
        ));
    }
    Command::new("taskset")
        .arg("--version")
        .output()
        .map_err(|_| "taskset is not on the PATH (apt-get install util-linux)")?;
    Ok(())
}

fn compare(rounds: usize) -> Result<(), String> {
    check_prerequisites()?;
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("python/bench.py");
    let mut rust: HashMap<&str, Vec<f64>> = HashMap::new();
    let mut python: HashMap<&str, Vec<f64>> = HashMap::new();
    let mut rust_ops: Vec<&str> = bench::OPS.iter().map(|op| op.name).collect();
    rust_ops.extend(["pipe_roundtrip@0", "queue_small_ipc@0"]);
    let python_ops = [
        "pipe_roundtrip@0",
        "queue_small@0",
        "thread_start_join",
        "process_start_join_fork",
        "process_start_join_spawn",
        "queue_small",
        "queue_1mib",
        "pipe_roundtrip",
        "shared_counter",
        "pool_map_tiny",
        "pool_maps_small",
        "pool_maps_big",
        "pool_map_cpu",
        "cpu_one_thread",
        "cpu_two_threads",
    ];
    for round in 1..=rounds {
        eprintln!("round {round} of {rounds}");
        // Interleaved: a Rust operation, then a CPython one, so that both see the same machine.
        for i in 0..rust_ops.len().max(python_ops.len()) {
            if let Some(&name) = rust_ops.get(i) {
                rust.entry(name).or_default().push(run_json(&mut command(
                    &me,
                    &["measure", "{}"],
                    name,
                ))?);
            }
            if let Some(&name) = python_ops.get(i) {
                let n = python_n(name.trim_end_matches("@0")).to_string();
                let script = script.to_str().ok_or("a non-UTF-8 path")?;
                let ns = run_json(&mut command(
                    Path::new("python3"),
                    &[script, "{}", &n, "3"],
                    name,
                ))?;
                python.entry(name).or_default().push(ns);
            }
        }
    }
    let rust: HashMap<&str, f64> = rust.into_iter().map(|(k, v)| (k, median(v))).collect();
    let python: HashMap<&str, f64> = python.into_iter().map(|(k, v)| (k, median(v))).collect();
    let report = report(&rust, &python, rounds);
    print!("{report}");
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs");
    std::fs::write(docs.join("bench.md"), &report).map_err(|e| e.to_string())?;
    std::fs::write(docs.join("bench.svg"), chart(&rust, &python)).map_err(|e| e.to_string())?;
    eprintln!("wrote docs/bench.md and docs/bench.svg");
    Ok(())
}

fn machine() -> String {
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

fn report(rust: &HashMap<&str, f64>, python: &HashMap<&str, f64>, rounds: usize) -> String {
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
        "<!-- ANCHOR: table -->\n| metric | Rust | CPython | CPython / Rust | target |\n|---|---|---|---|---|"
    );
    for row in ROWS {
        let (r, p) = (rust[row.rust], python[row.python]);
        let ratio = p / r;
        let target = match row.target {
            Some(t) if ratio >= t => format!("≥ {t}x: met"),
            Some(t) => format!("≥ {t}x: **missed**"),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {ratio:.1}x | {target} |",
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
    let _ = writeln!(out, "| wrapper | raw call | wrapper / raw |\n|---|---|---|");
    for (wrapper, raw, what) in [
        (
            "process_start_join",
            "raw_fork_waitpid",
            "`Process` start+join / `fork` + `_exit` + `waitpid`",
        ),
        (
            "pipe_roundtrip",
            "raw_socketpair_roundtrip",
            "`ipc::pipe` round trip / 8 bytes each way on a `socketpair`",
        ),
        (
            "shared_counter",
            "raw_atomic",
            "`shm::Value::fetch_add` from 2 processes / `fetch_add` in one thread",
        ),
    ] {
        let _ = writeln!(
            out,
            "| {what} | {} vs {} | {:.2}x |",
            human(rust[wrapper]),
            human(rust[raw]),
            rust[wrapper] / rust[raw]
        );
    }
    out.push_str(include_str!("../notes.md"));
    out
}

/// A horizontal bar chart of the CPython / Rust ratios, on a log scale.
fn chart(rust: &HashMap<&str, f64>, python: &HashMap<&str, f64>) -> String {
    let (left, width, bar, gap) = (360.0, 900.0, 18.0, 8.0);
    let height = 60.0 + ROWS.len() as f64 * (bar + gap);
    let max = ROWS
        .iter()
        .map(|r| python[r.python] / rust[r.rust])
        .fold(10.0_f64, f64::max)
        .log10()
        .ceil();
    let x = |ratio: f64| left + (ratio.max(1.0).log10() / max) * (width - left - 80.0);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n\
         <text x=\"10\" y=\"20\" font-weight=\"bold\">How many times faster than CPython (log scale)</text>\n"
    );
    for decade in 0..=max as i32 {
        let ratio = 10f64.powi(decade);
        let _ = writeln!(
            svg,
            "<line x1=\"{0:.1}\" y1=\"30\" x2=\"{0:.1}\" y2=\"{1}\" stroke=\"#ddd\"/><text x=\"{0:.1}\" y=\"{2}\" text-anchor=\"middle\" fill=\"#666\">{ratio}x</text>",
            x(ratio),
            height - 22.0,
            height - 8.0
        );
    }
    for (i, row) in ROWS.iter().enumerate() {
        let ratio = python[row.python] / rust[row.rust];
        let y = 36.0 + i as f64 * (bar + gap);
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{left}\" y=\"{y}\" width=\"{:.1}\" height=\"{bar}\" fill=\"#3866c4\"/><text x=\"{:.1}\" y=\"{}\">{ratio:.1}x</text>",
            left - 8.0,
            y + 13.0,
            row.metric.replace('&', "&amp;").replace('<', "&lt;"),
            (x(ratio) - left).max(1.0),
            x(ratio) + 6.0,
            y + 13.0
        );
    }
    svg.push_str("</svg>\n");
    svg
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["measure", name] => measure(name),
        ["compare"] => compare(3),
        ["compare", "--rounds", n] => n
            .parse()
            .map_err(|_| format!("not a number: {n}"))
            .and_then(compare),
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
