//! The timeline as an SVG picture; hovering a dot shows the line it printed (`<title>`).

use crate::lanes::{End, Timeline};
use crate::text::describe;

const WIDTH: f64 = 960.0;
const LABEL: f64 = 230.0;
const SUFFIX: f64 = 150.0;
const LANE: f64 = 28.0;
const TOP: f64 = 46.0;
const COLOURS: [&str; 6] = [
    "#1b9e9e", "#c98500", "#a23b9e", "#3a8a2e", "#3866c4", "#c43838",
];

/// Escapes text for XML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The timeline as a standalone SVG document, one `<g class="lane">` per lane.
pub fn render(timeline: &Timeline, title: &str) -> String {
    let span_ns = (timeline.end_ns - timeline.start_ns).max(1) as f64;
    let x =
        |t_ns: u64| LABEL + (t_ns - timeline.start_ns) as f64 / span_ns * (WIDTH - LABEL - SUFFIX);
    let height = TOP + LANE * timeline.lanes.len() as f64 + 40.0;
    let total_ms = span_ns / 1e6;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" \
         viewBox=\"0 0 {WIDTH} {height}\" font-family=\"monospace\" font-size=\"13\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n\
         <text x=\"8\" y=\"18\" font-weight=\"bold\">{}</text>\n\
         <text x=\"{LABEL}\" y=\"36\" fill=\"#666\">0 ms</text>\n\
         <text x=\"{}\" y=\"36\" fill=\"#666\" text-anchor=\"end\">{total_ms:.0} ms</text>\n",
        escape(title),
        WIDTH - SUFFIX
    );
    let mut pids: Vec<u32> = Vec::new();
    for (i, lane) in timeline.lanes.iter().enumerate() {
        let index = pids
            .iter()
            .position(|&pid| pid == lane.pid)
            .unwrap_or_else(|| {
                pids.push(lane.pid);
                pids.len() - 1
            });
        let colour = COLOURS[index % COLOURS.len()];
        let y = TOP + LANE * i as f64 + LANE / 2.0;
        let (x1, x2) = (x(lane.start_ns), x(lane.end_ns).max(x(lane.start_ns) + 1.0));
        let label = escape(&lane.label);
        svg.push_str(&format!(
            "<g class=\"lane\" data-pid=\"{}\">\n<title>{label}</title>\n",
            lane.pid
        ));
        svg.push_str(&format!(
            "<text x=\"8\" y=\"{}\" fill=\"{colour}\">{label}</text>\n",
            y + 4.0
        ));
        let dash = if matches!(lane.end, End::CutOff | End::Killed(_)) {
            " stroke-dasharray=\"6 3\""
        } else {
            ""
        };
        svg.push_str(&format!(
            "<line x1=\"{x1:.1}\" y1=\"{y}\" x2=\"{x2:.1}\" y2=\"{y}\" stroke=\"{colour}\" stroke-width=\"4\"{dash}/>\n"
        ));
        for mark in &lane.marks {
            let ms = (mark.t_ns - timeline.start_ns) as f64 / 1e6;
            svg.push_str(&format!(
                "<g class=\"mark\"><title>{ms:.1} ms: {}</title><circle cx=\"{:.1}\" cy=\"{y}\" r=\"5\" fill=\"{colour}\"/></g>\n",
                escape(&mark.msg),
                x(mark.t_ns)
            ));
        }
        let end_mark = match lane.end {
            End::CutOff | End::Killed(_) => format!(
                "<path d=\"M{:.1} {:.1} l10 14 M{:.1} {:.1} l-10 14\" stroke=\"#c43838\" stroke-width=\"3\"><title>cut off</title></path>\n",
                x2 - 5.0,
                y - 7.0,
                x2 + 5.0,
                y - 7.0
            ),
            _ => format!(
                "<line x1=\"{x2:.1}\" y1=\"{}\" x2=\"{x2:.1}\" y2=\"{}\" stroke=\"{colour}\" stroke-width=\"2\"/>\n",
                y - 7.0,
                y + 7.0
            ),
        };
        svg.push_str(&end_mark);
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" fill=\"#444\">{}</text>\n</g>\n",
            WIDTH - SUFFIX + 10.0,
            y + 4.0,
            escape(&describe(&lane.end))
        ));
    }
    svg.push_str(&format!(
        "<text x=\"8\" y=\"{}\" fill=\"#666\">● printed a line (hover for it)   ── alive   - - ✕ cut off: its process ended, or was killed, first</text>\n</svg>\n",
        height - 14.0
    ));
    svg
}
