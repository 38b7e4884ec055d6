//! What the book's tests read from a built page: its Rust listings, and their comment lines.

use super::{comment, trailing_comment};

/// The comment lines of a listing (whole lines, and the trailing comments of code lines).
pub fn comment_lines(code: &str) -> Vec<&str> {
    code.split('\n')
        .filter_map(|line| {
            if comment(line).is_some() {
                Some(line.trim())
            } else {
                trailing_comment(line).map(|at| &line[at + 1..])
            }
        })
        .collect()
}

/// The text of every Rust listing of a built page.
pub fn listings(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<code class=\"language-rust") {
        let Some(body) = rest[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let Some(end) = rest[body..].find("</code>").map(|i| body + i) else {
            break;
        };
        found.push(&rest[body..end]);
        rest = &rest[end..];
    }
    found
}
