//! `l` in `watch` on a terminal: the list of exercises, one page that fits the terminal under a
//! header that stays. ↑/↓ (or k/j) move the mark, PgUp/PgDn (or b/space) a page, Enter checks
//! the exercise marked and stays on it, Esc or `l` goes back to the exercise's screen as it was.

use super::Watched;
use crate::progress::passed;
use crate::{Lang, exercises, screen};
use std::path::Path;
use std::sync::mpsc::Receiver;
use std::time::Duration;

/// What the learner did in the list.
pub(super) enum Picked {
    /// Check this exercise (by its place in the list of all), and stay on it.
    Exercise(usize),
    /// Back to the exercise on the screen.
    Back,
}

/// A line of the list: a chapter's heading, or an exercise (its place among all).
enum Row {
    Chapter(String),
    Exercise(usize, String),
}

/// The terminal's rows and columns (24 × 80 where it cannot tell).
fn size() -> (usize, usize) {
    use nix::libc;
    let mut size = libc::winsize {
        ws_row: 0,
        ws_col: 0,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCGWINSZ writes one `winsize` to the pointer given, which points to a valid,
    // writable `winsize` on this stack frame; a failure leaves it zeroed (handled below).
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) } == 0;
    if ok && size.ws_row >= 8 && size.ws_col >= 20 {
        (size.ws_row.into(), size.ws_col.into())
    } else {
        (24, 80)
    }
}

/// `text` cut to `columns` terminal columns (a Hangul syllable or other wide letter takes two).
fn fit(text: &str, columns: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in text.chars() {
        let wide = matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFF00..=0xFF60);
        used += if wide { 2 } else { 1 };
        if used > columns {
            break;
        }
        out.push(c);
    }
    out
}

fn rows(root: &Path, lang: Lang) -> Vec<Row> {
    let done = passed(root);
    let mut rows = Vec::new();
    let mut chapter = None;
    for (at, e) in exercises().iter().enumerate() {
        if chapter != Some(e.chapter) {
            chapter = Some(e.chapter);
            let [ko, en] = screen::chapter_progress(e, &done);
            rows.push(Row::Chapter(format!("— {} —", lang.pick([&ko, &en]))));
        }
        let mark = if done.iter().any(|d| d == e.id) {
            "✓"
        } else {
            "✗"
        };
        let title = lang.pick(e.title);
        rows.push(Row::Exercise(
            at,
            format!("{mark} {} {} — {title}", e.id, e.package),
        ));
    }
    rows
}

/// Draws the header, and the page of `rows` that holds the mark (the row at `mark`), from `top`.
fn draw(root: &Path, lang: Lang, rows: &[Row], mark: usize, top: usize, page: usize) {
    let (_, columns) = size();
    let done = passed(root).len();
    let [ko, en] = screen::progress(done, exercises().len());
    let mut screen = String::from("\x1b[2J\x1b[H");
    let title = [
        format!("연습 문제 목록 ({ko}; ✓ 통과, ✗ 아직)"),
        format!("Exercises ({en}; ✓ passed, ✗ not yet)"),
    ];
    let keys = [
        "↑↓ 고르기, PgUp/PgDn 쪽 넘기기, Enter 확인하기, Esc 돌아가기, q 끝내기",
        "↑↓ choose, PgUp/PgDn page, Enter check it, Esc back, q quit",
    ];
    screen.push_str(&fit(
        lang.pick(title.each_ref().map(String::as_str)),
        columns,
    ));
    screen.push_str("\r\n");
    screen.push_str(&fit(lang.pick(keys), columns));
    screen.push_str("\r\n");
    for (at, row) in rows.iter().enumerate().skip(top).take(page) {
        match row {
            Row::Chapter(text) => screen.push_str(&fit(text, columns)),
            // The mark: reversed, as a menu shows its choice.
            Row::Exercise(_, text) if at == mark => {
                let text = fit(&format!("> {text}"), columns);
                screen.push_str(&format!("\x1b[7m{text}\x1b[0m"));
            }
            Row::Exercise(_, text) => screen.push_str(&fit(&format!("  {text}"), columns)),
        }
        screen.push_str("\r\n");
    }
    let shown = [
        format!(
            "({}–{} / {}줄)",
            top + 1,
            (top + page).min(rows.len()),
            rows.len()
        ),
        format!(
            "(lines {}–{} of {})",
            top + 1,
            (top + page).min(rows.len()),
            rows.len()
        ),
    ];
    screen.push_str(&fit(
        lang.pick(shown.each_ref().map(String::as_str)),
        columns,
    ));
    print!("{screen}");
    use std::io::Write;
    let _ = std::io::stdout().flush();
}

/// The next key, with an arrow or page key (`ESC [ A`, `ESC [ 5 ~`...) read as one: `b'k'`
/// up, `b'j'` down, `b'b'` a page up, `b' '` a page down, `0x1b` Esc alone. Saved files are
/// passed over here (`watch` looks at what changed when the list is left).
fn key(received: &Receiver<Watched>) -> Option<u8> {
    let next = |wait: Option<Duration>| loop {
        let got = match wait {
            Some(wait) => received.recv_timeout(wait).ok()?,
            None => received.recv().ok()?,
        };
        if let Watched::Key(key) = got {
            return Some(key);
        }
    };
    let first = next(None)?;
    if first != 0x1b {
        return Some(first);
    }
    let quick = Some(Duration::from_millis(50));
    match next(quick) {
        Some(b'[') | Some(b'O') => {}
        _ => return Some(0x1b),
    }
    Some(match next(quick) {
        Some(b'A') => b'k',
        Some(b'B') => b'j',
        Some(b'5') => {
            next(quick);
            b'b'
        }
        Some(b'6') => {
            next(quick);
            b' '
        }
        _ => 0,
    })
}

/// The list, from the exercise at `at` (of all), until Enter, Esc or `l`.
/// Drawn on the terminal's alternate screen (as `less` is), so that leaving the list puts back
/// the exercise's screen as it was.
pub(super) fn pick(root: &Path, at: usize, received: &Receiver<Watched>, lang: Lang) -> Picked {
    crate::interrupt::alternate_screen(true);
    let picked = pick_on(root, at, received, lang);
    crate::interrupt::alternate_screen(false);
    picked
}

fn pick_on(root: &Path, at: usize, received: &Receiver<Watched>, lang: Lang) -> Picked {
    let rows = rows(root, lang);
    let exercise_rows: Vec<usize> = (rows.iter().enumerate())
        .filter_map(|(i, row)| matches!(row, Row::Exercise(..)).then_some(i))
        .collect();
    let mut mark = (exercise_rows.iter())
        .position(|&i| matches!(rows[i], Row::Exercise(e, _) if e == at))
        .unwrap_or(0);
    let mut top = 0;
    loop {
        let (lines, _) = size();
        // The header's two lines and the position line stay; the rest is the page.
        let page = lines.saturating_sub(3).max(1);
        let row = exercise_rows[mark];
        if row < top {
            top = row.saturating_sub(1); // the chapter's heading above, where there is one
        } else if row >= top + page {
            top = row + 1 - page;
        }
        draw(root, lang, &rows, row, top, page);
        let last = exercise_rows.len() - 1;
        match key(received) {
            Some(b'k') => mark = mark.saturating_sub(1),
            Some(b'j') => mark = (mark + 1).min(last),
            Some(b'b') => mark = mark.saturating_sub(page / 2),
            Some(b' ') => mark = (mark + page / 2).min(last),
            Some(b'\n' | b'\r') => {
                let Row::Exercise(chosen, _) = rows[row] else {
                    unreachable!("the mark is always on an exercise");
                };
                return Picked::Exercise(chosen);
            }
            Some(0x1b | b'l') | None => return Picked::Back,
            Some(_) => {}
        }
    }
}
