//! Each built book shows the comments of its own language in its Rust listings (`book-comments`,
//! issue #55): no English-only comment line in the Korean book's pages with Rust listings (the
//! exercises, the examples, the refused cases, the map and the benchmark, whose every comment is
//! written in both languages), and no Korean one anywhere in the English book but the exceptions
//! named here, each with its reason.

use super::{built_books, html_files};
use book_comments::{Lang, comment_lines, language_of, listings};

/// Korean the English book keeps on purpose: the refused cases name the notes' section they come
/// from, in the notes' own words, inside an English comment.
const QUOTED_SECTIONS: &[&str] = &[
    "1.1 threading 모듈 사용하기",
    "프로세스 스포닝",
    "6. 프로세스와 클래스",
    "4. 프로세스 간 객체 교환 — 1) 큐",
];

pub fn each_book_shows_the_comments_of_its_language() -> Result<(), String> {
    let site = built_books()?;
    let mut wrong = Vec::new();
    for (lang, other) in [("ko", Lang::En), ("en", Lang::Ko)] {
        for page in html_files(&site.join(lang)) {
            let name = page
                .strip_prefix(site)
                .unwrap_or(&page)
                .display()
                .to_string();
            if name.ends_with("print.html") {
                continue;
            }
            let html = std::fs::read_to_string(&page).map_err(|e| e.to_string())?;
            for listing in listings(&html) {
                for line in comment_lines(listing) {
                    let quoted = QUOTED_SECTIONS.iter().any(|s| line.contains(s));
                    if language_of(line) == Some(other) && !quoted {
                        wrong.push(format!("{name}: {line}"));
                    }
                }
            }
        }
    }
    if wrong.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{} comment lines in the other book's language:\n{}",
        wrong.len(),
        wrong.join("\n")
    ))
}
