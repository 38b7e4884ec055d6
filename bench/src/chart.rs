//! `docs/bench.svg`: the ratio of each row, CPython time over Rust time, as bars.

use crate::rows::ROWS;
use std::collections::HashMap;
use std::fmt::Write as _;

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
