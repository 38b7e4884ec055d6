//! The timeline in a terminal: one row per lane, time running left to right.

use crate::lanes::{End, Lane, Timeline};

/// How to draw.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Columns in all.
    pub width: usize,
    /// ANSI colours.
    pub colour: bool,
}

/// Colours for the processes, in the order they first appear.
const COLOURS: [&str; 6] = ["36", "33", "35", "32", "34", "91"];

/// What a lane's end is called at the end of its row.
pub fn describe(end: &End) -> String {
    match end {
        End::Finished => "finished".to_owned(),
        End::Exited(Some(code)) => format!("exit {code}"),
        End::Exited(None) => "exited".to_owned(),
        End::CutOff => "cut off (daemon)".to_owned(),
        End::Killed(signal) => format!("killed by signal {signal}"),
        End::Open => "still running".to_owned(),
    }
}

/// The glyph at a lane's end: `┤` for an end it reached, `✂` where it was cut, `→` if open.
fn end_glyph(end: &End) -> char {
    match end {
        End::Finished | End::Exited(_) => '┤',
        End::CutOff | End::Killed(_) => '✂',
        End::Open => '→',
    }
}

/// The timeline as text: a title, a time axis, one row per lane, and a legend.
pub fn render(timeline: &Timeline, title: &str, style: Style) -> String {
    let span_ns = (timeline.end_ns - timeline.start_ns).max(1);
    let label_width = timeline
        .lanes
        .iter()
        .map(|l| l.label.chars().count())
        .max()
        .unwrap_or(4)
        .min(32);
    let suffix_width = timeline
        .lanes
        .iter()
        .map(|l| describe(&l.end).len())
        .max()
        .unwrap_or(0);
    let columns = style
        .width
        .saturating_sub(label_width + suffix_width + 3)
        .max(20);
    let column = |t_ns: u64| -> usize {
        ((t_ns - timeline.start_ns) as f64 / span_ns as f64 * (columns - 1) as f64).round() as usize
    };
    let paint = |text: &str, code: &str| {
        if style.colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    };

    let total_ms = span_ns as f64 / 1e6;
    let mut out = format!(
        "{title}: {total_ms:.1} ms, {} lanes\n",
        timeline.lanes.len()
    );
    let right = format!("{total_ms:.0} ms");
    out.push_str(&format!(
        "{:label_width$}  0 ms{}{right}\n",
        "",
        " ".repeat(columns.saturating_sub(4 + right.len()))
    ));

    let mut process_colours: Vec<u32> = Vec::new();
    for lane in &timeline.lanes {
        let index = process_colours
            .iter()
            .position(|&pid| pid == lane.pid)
            .unwrap_or_else(|| {
                process_colours.push(lane.pid);
                process_colours.len() - 1
            });
        let colour = COLOURS[index % COLOURS.len()];
        let row = row(lane, columns, &column);
        let label: String = lane.label.chars().take(label_width).collect();
        let mut line = paint(&format!("{label:label_width$}  "), colour);
        for glyph in row {
            match glyph {
                '✂' => line.push_str(&paint("✂", "1;31")),
                ' ' => line.push(' '),
                glyph => line.push_str(&paint(&glyph.to_string(), colour)),
            }
        }
        line.push(' ');
        line.push_str(&describe(&lane.end));
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push_str("● printed a line   ├─┤ alive until it ended   ✂ cut off: its process ended, or was killed, first\n");
    out
}

/// A lane's row of `columns` glyphs.
fn row(lane: &Lane, columns: usize, column: &impl Fn(u64) -> usize) -> Vec<char> {
    let mut row = vec![' '; columns];
    let (start, end) = (column(lane.start_ns), column(lane.end_ns));
    for cell in &mut row[start..=end] {
        *cell = '─';
    }
    row[start] = '├';
    for mark in &lane.marks {
        row[column(mark.t_ns)] = '●';
    }
    let glyph = end_glyph(&lane.end);
    if glyph != '┤' || row[end] != '●' {
        row[end] = glyph;
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lanes::Mark;

    fn lane(start: u64, end: u64, how: End, marks: &[u64]) -> Lane {
        Lane {
            label: "P/t".into(),
            pid: 1,
            thread: "t".into(),
            start_ns: start,
            end_ns: end,
            end: how,
            marks: marks
                .iter()
                .map(|&t| Mark {
                    t_ns: t,
                    msg: "x".into(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_row_shows_span_marks_and_how_it_ended() {
        let column = |t: u64| t as usize;
        let finished: String = row(&lane(2, 8, End::Finished, &[4]), 10, &column)
            .into_iter()
            .collect();
        assert_eq!(finished, "  ├─●───┤ ");
        let cut: String = row(&lane(0, 9, End::CutOff, &[0]), 10, &column)
            .into_iter()
            .collect();
        assert_eq!(cut, "●────────✂");
    }

    #[test]
    fn no_colour_means_no_escape_codes() {
        let timeline = Timeline {
            start_ns: 0,
            end_ns: 100,
            lanes: vec![lane(0, 100, End::CutOff, &[10])],
        };
        let text = render(
            &timeline,
            "t",
            Style {
                width: 60,
                colour: false,
            },
        );
        assert!(!text.contains('\x1b'));
        assert!(text.contains("cut off (daemon)"));
        let coloured = render(
            &timeline,
            "t",
            Style {
                width: 60,
                colour: true,
            },
        );
        assert!(coloured.contains("\x1b[1;31m✂"));
    }
}
