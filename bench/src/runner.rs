//! Running the operations: each in a process of its own, Rust and CPython interleaved, round
//! after round; then the report and the chart written to `docs/`.

use crate::rows::python_n;
use crate::{chart, report};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

pub(crate) fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// A command for `name`; `name@0` runs it pinned to core 0 (`taskset -c 0`), so that the two
/// processes of a round trip never wait for a wake-up on the other core.
pub(crate) fn command(program: &Path, args: &[&str], name: &str) -> Command {
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

/// Runs a command that prints one JSON object with `ns_per_unit` (and, from `bench measure`,
/// `cpu_ns_per_unit`, returned as 0 where absent).
pub(crate) fn run_json(command: &mut Command) -> Result<(f64, f64), String> {
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
    let ns = value["ns_per_unit"]
        .as_f64()
        .ok_or_else(|| format!("{command:?}: no ns_per_unit"))?;
    Ok((ns, value["cpu_ns_per_unit"].as_f64().unwrap_or(0.0)))
}

/// What `compare` needs besides itself, checked before the first round: CPython 3.11 or newer
/// (the twins use its `time.perf_counter_ns` and the `fork`/`spawn` start methods) and `taskset`
/// (the pinned rows).
pub(crate) fn check_prerequisites() -> Result<(), String> {
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

pub(crate) fn compare(rounds: usize) -> Result<(), String> {
    check_prerequisites()?;
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("python/bench.py");
    let mut rust: HashMap<&str, Vec<f64>> = HashMap::new();
    let mut rust_cpu: HashMap<&str, Vec<f64>> = HashMap::new();
    let mut python: HashMap<&str, Vec<f64>> = HashMap::new();
    let mut rust_ops: Vec<&str> = bench::OPS.iter().map(|op| op.name).collect();
    // The pinned runs the rows name (`pipe_roundtrip@0`...), and the wake-up table's, each once.
    let pinned = crate::rows::ROWS.iter().map(|row| row.rust);
    let pinned = pinned.chain(crate::rows::WAKE_PINNED.iter().copied());
    for name in pinned {
        if name.ends_with("@0") && !rust_ops.contains(&name) {
            rust_ops.push(name);
        }
    }
    // Every CPython twin the rows name (the GIL table's two besides), each once: a row cannot
    // name one that is never run.
    let mut python_ops: Vec<&str> = Vec::new();
    for name in crate::rows::ROWS
        .iter()
        .map(|row| row.python)
        .chain(["cpu_one_thread", "cpu_two_threads"])
    {
        if !python_ops.contains(&name) {
            python_ops.push(name);
        }
    }
    for round in 1..=rounds {
        eprintln!("round {round} of {rounds}");
        // Interleaved: a Rust operation, then a CPython one, so that both see the same machine.
        for i in 0..rust_ops.len().max(python_ops.len()) {
            if let Some(&name) = rust_ops.get(i) {
                let (ns, cpu) = run_json(&mut command(&me, &["measure", "{}"], name))?;
                rust.entry(name).or_default().push(ns);
                rust_cpu.entry(name).or_default().push(cpu);
            }
            if let Some(&name) = python_ops.get(i) {
                let n = python_n(name.trim_end_matches("@0")).to_string();
                let script = script.to_str().ok_or("a non-UTF-8 path")?;
                let (ns, _) = run_json(&mut command(
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
    let cpu: HashMap<&str, f64> = rust_cpu.into_iter().map(|(k, v)| (k, median(v))).collect();
    let report = report::report(&rust, &python, &cpu, rounds);
    print!("{report}");
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs");
    std::fs::write(docs.join("bench.md"), &report).map_err(|e| e.to_string())?;
    std::fs::write(docs.join("bench.svg"), chart::chart(&rust, &python))
        .map_err(|e| e.to_string())?;
    std::fs::write(docs.join("wakeup.svg"), chart::wakeup(&rust, &python))
        .map_err(|e| e.to_string())?;
    eprintln!("wrote docs/bench.md, docs/bench.svg and docs/wakeup.svg");
    Ok(())
}
