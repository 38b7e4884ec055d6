//! `docs/bench.svg`: the ratio of each row, CPython time over Rust time, as bars.

use crate::rows::ROWS;
use std::collections::HashMap;
use std::fmt::Write as _;

/// A chart's page: white, its title, and a grid line with its label at each `(x, label)`.
fn frame(
    (width, height): (f64, f64),
    title: &str,
    grid: impl Iterator<Item = (f64, String)>,
) -> String {
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n\
         <text x=\"10\" y=\"20\" font-weight=\"bold\">{title}</text>\n"
    );
    for (x, label) in grid {
        let _ = writeln!(
            svg,
            "<line x1=\"{x:.1}\" y1=\"30\" x2=\"{x:.1}\" y2=\"{}\" stroke=\"#ddd\"/><text x=\"{x:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"#666\">{label}</text>",
            height - 22.0,
            height - 8.0
        );
    }
    svg
}

/// A horizontal bar chart of the CPython / Rust ratios, on a log scale.
pub(crate) fn chart(rust: &HashMap<&str, f64>, python: &HashMap<&str, f64>) -> String {
    let (left, width, bar, gap) = (360.0, 900.0, 18.0, 8.0);
    let height = 60.0 + ROWS.len() as f64 * (bar + gap);
    let max = ROWS
        .iter()
        .map(|r| python[r.python] / rust[r.rust])
        .fold(10.0_f64, f64::max)
        .log10()
        .ceil();
    let x = |ratio: f64| left + (ratio.max(1.0).log10() / max) * (width - left - 80.0);
    let decades = (0..=max as i32).map(|d| 10f64.powi(d));
    let mut svg = frame(
        (width, height),
        "How many times faster than CPython (log scale)",
        decades.map(|ratio| (x(ratio), format!("{ratio}x"))),
    );
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

/// `docs/wakeup.svg`: time per round trip between two processes (log scale), the floor beside
/// CPython's and Rust's pipes and managers and the spinning wait that goes under the floor.
pub(crate) fn wakeup(rust: &HashMap<&str, f64>, python: &HashMap<&str, f64>) -> String {
    let bars: [(&str, f64, &str); 9] = [
        ("floor: raw pipes", rust["floor_roundtrip"], "#777"),
        (
            "floor: raw pipes, one core",
            rust["floor_roundtrip@0"],
            "#777",
        ),
        ("CPython Pipe()", python["pipe_roundtrip"], "#d08c2c"),
        ("Rust ipc::pipe", rust["pipe_roundtrip"], "#3866c4"),
        (
            "CPython manager (one request)",
            python["manager_dict_roundtrip"] / 2.0,
            "#d08c2c",
        ),
        (
            "Rust manager (one request)",
            rust["manager_dict_roundtrip"] / 2.0,
            "#3866c4",
        ),
        ("spin 10 µs, then block", rust["wake_spin_10us"], "#2e8b57"),
        ("spin 10 µs, one core", rust["wake_spin_10us@0"], "#2e8b57"),
        (
            "spin 100 µs, one core",
            rust["wake_spin_100us@0"],
            "#2e8b57",
        ),
    ];
    let (left, width, bar, gap) = (260.0, 900.0, 18.0, 8.0);
    let height = 60.0 + bars.len() as f64 * (bar + gap);
    // Decades of µs, from below the fastest to above the slowest.
    let micros = |ns: f64| ns / 1e3;
    let low = bars
        .iter()
        .map(|b| micros(b.1))
        .fold(f64::MAX, f64::min)
        .log10()
        .floor();
    let high = bars
        .iter()
        .map(|b| micros(b.1))
        .fold(0.0, f64::max)
        .log10()
        .ceil();
    let span = (high - low).max(1.0);
    let x = |us: f64| left + ((us.log10() - low) / span) * (width - left - 90.0);
    let decades = (low as i32..=high as i32).map(|d| 10f64.powi(d));
    let mut svg = frame(
        (width, height),
        "One round trip between two processes, µs (log scale)",
        decades.map(|us| (x(us), format!("{us}"))),
    );
    for (i, (label, ns, colour)) in bars.iter().enumerate() {
        let y = 36.0 + i as f64 * (bar + gap);
        let end = x(micros(*ns));
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{label}</text><rect x=\"{left}\" y=\"{y}\" width=\"{:.1}\" height=\"{bar}\" fill=\"{colour}\"/><text x=\"{:.1}\" y=\"{}\">{}</text>",
            left - 8.0,
            y + 13.0,
            (end - left).max(1.0),
            end + 6.0,
            y + 13.0,
            crate::report::human(*ns)
        );
    }
    svg.push_str("</svg>\n");
    svg
}
