//! Each book shows the comments of its own language (issue #55). The exercises' files carry their
//! comments in both languages (the learner edits them in Korean, the English book shows the same
//! files), one block each: the Korean lines, then the English ones, or a trailing comment
//! `한국어 (English)`. In the built pages' Rust listings, the Korean book keeps the Korean lines
//! and the English book the English ones; a block in one language only is shown as it is.
//!
//! What counts as which (after the comment's marker, `//`, `///` or `//!`):
//! - a Korean line has Hangul; an English line has letters and no Hangul; a line with neither
//!   (`//!` alone) belongs to both;
//! - a title glossed in English (`데몬 스레드 만들기 — daemon threads`: Hangul before the last
//!   dash outside parentheses, none after) belongs to both: the notes' own section title, quoted;
//! - a word glossed after a slash (`실행 / Run: ...`) shows each book its own (`실행:`, `Run:`);
//! - `TODO: 한국어` followed by an English line indented to match keeps its `TODO:` in English;
//! - a trailing comment without an English part loses its Korean words in the English book
//!   (`파이썬의 with sem:` reads `with sem:`).

use std::path::Path;

/// A book's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Ko,
    En,
}

impl Lang {
    /// `ko` or `en`.
    pub fn parse(text: &str) -> Option<Lang> {
        match text {
            "ko" => Some(Lang::Ko),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Whether `text` has a Hangul syllable.
pub fn hangul(text: &str) -> bool {
    text.chars().any(|c| ('가'..='힣').contains(&c))
}

/// What a comment line is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    Korean,
    English,
    /// No words (`//!` alone), or a Korean title glossed in English: shown in both books.
    Both,
}

/// The marker a comment-only line starts with, and its text after it.
fn comment(line: &str) -> Option<(&str, &str)> {
    let trimmed = line.trim_start();
    ["//!", "///", "//"]
        .into_iter()
        .find_map(|marker| Some((marker, trimmed.strip_prefix(marker)?)))
}

/// Where the last ` — ` outside parentheses starts ("1. 인자 — 2) Class 경우 — gloss"; a dash in
/// "(공유 상태 — threading.Lock)" glosses nothing; a `)` with none open is a list number's).
fn last_open_dash(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut last = None;
    for (at, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 && text[at..].starts_with(" — ") => last = Some(at),
            _ => {}
        }
    }
    last
}

/// A word glossed after a slash at the start of a comment's text (` 실행 / Run: rest`): the
/// Korean word, the English one, and what follows the colon.
fn word_gloss(text: &str) -> Option<(&str, &str, &str)> {
    let (korean, after) = text.trim_start().split_once(" / ")?;
    let (english, rest) = after.split_once(':')?;
    let korean_word = !korean.contains(' ') && hangul(korean);
    let english_word = !english.is_empty() && english.chars().all(|c| c.is_ascii_alphabetic());
    (korean_word && english_word).then_some((korean, english, rest))
}

fn written(text: &str) -> Written {
    let glossed = last_open_dash(text).is_some_and(|at| {
        let (title, gloss) = (&text[..at], &text[at + " — ".len()..]);
        hangul(title) && !hangul(gloss)
    });
    if glossed || word_gloss(text).is_some() {
        return Written::Both;
    }
    if hangul(text) {
        Written::Korean
    } else if text.chars().any(char::is_alphabetic) {
        Written::English
    } else {
        Written::Both
    }
}

/// One listing's text (as it is in the page: HTML-escaped or not), with its comments in `lang`.
pub fn listing_for(code: &str, lang: Lang) -> String {
    let lines: Vec<&str> = code.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut at = 0;
    while at < lines.len() {
        let Some((marker, _)) = comment(lines[at]) else {
            out.push(trailing_for(lines[at], lang));
            at += 1;
            continue;
        };
        let end = (at..lines.len())
            .find(|&i| comment(lines[i]).is_none_or(|(m, _)| m != marker))
            .unwrap_or(lines.len());
        out.extend(block_for(&lines[at..end], lang));
        at = end;
    }
    out.join("\n")
}

/// A block of comment lines with one marker, in `lang` if it is written in both languages.
fn block_for(block: &[&str], lang: Lang) -> Vec<String> {
    let kinds: Vec<Written> = block
        .iter()
        .map(|line| written(comment(line).map_or("", |(_, text)| text)))
        .collect();
    let both = kinds.contains(&Written::Korean) && kinds.contains(&Written::English);
    if !both {
        return block.iter().map(|line| one_word_for(line, lang)).collect();
    }
    let mine = match lang {
        Lang::Ko => Written::Korean,
        Lang::En => Written::English,
    };
    let mut kept: Vec<String> = Vec::new();
    let mut todo = false;
    for (line, kind) in block.iter().zip(&kinds) {
        if *kind == mine || *kind == Written::Both {
            let line = match (todo, comment(line)) {
                // The English line that followed a Korean `TODO:` takes its `TODO:`.
                (true, Some((marker, text))) if text.starts_with("  ") => {
                    let indent = &line[..line.len() - line.trim_start().len()];
                    format!("{indent}{marker} TODO: {}", text.trim_start())
                }
                _ => one_word_for(line, lang),
            };
            // No empty comment line where a dropped one stood next to it.
            let empty = *kind == Written::Both && written_nothing(&line);
            let after_empty = kept.last().is_none_or(|last| written_nothing(last));
            if !(empty && after_empty) {
                kept.push(line);
            }
            todo = false;
        } else {
            todo = comment(line).is_some_and(|(_, text)| text.trim_start().starts_with("TODO:"));
        }
    }
    while kept.last().is_some_and(|last| written_nothing(last)) {
        kept.pop();
    }
    kept
}

/// A comment line with a word glossed after a slash (`//! 실행 / Run: ...`) in `lang`'s word;
/// any other line as it is.
fn one_word_for(line: &str, lang: Lang) -> String {
    let Some((marker, text)) = comment(line) else {
        return line.to_owned();
    };
    let Some((korean, english, rest)) = word_gloss(text) else {
        return line.to_owned();
    };
    let indent = &line[..line.len() - line.trim_start().len()];
    let word = match lang {
        Lang::Ko => korean,
        Lang::En => english,
    };
    format!("{indent}{marker} {word}:{rest}")
}

/// Whether a comment line has no words (`//!` alone).
fn written_nothing(line: &str) -> bool {
    comment(line).is_some_and(|(_, text)| !text.chars().any(char::is_alphanumeric))
}

/// A line of code with a trailing comment: `한국어 (English)` keeps its language's part; one
/// without an English part loses its Korean words in the English book.
fn trailing_for(line: &str, lang: Lang) -> String {
    let Some(at) = trailing_comment(line) else {
        return line.to_owned();
    };
    let (code, text) = (&line[..at], &line[at + " // ".len()..]);
    if !hangul(text) {
        return line.to_owned();
    }
    let shown = match (english_part(text), lang) {
        (Some((korean, _)), Lang::Ko) => korean.to_owned(),
        (Some((_, english)), Lang::En) => english.to_owned(),
        (None, Lang::Ko) => text.to_owned(),
        (None, Lang::En) => {
            let words: Vec<&str> = text.split(' ').filter(|w| !hangul(w)).collect();
            words.join(" ").trim().to_owned()
        }
    };
    if shown.is_empty() {
        code.to_owned()
    } else {
        format!("{code} // {shown}")
    }
}

/// Where a line's trailing comment starts (its " // "), outside any string: the quotes before it
/// (`"`, or `&quot;` in a page) come in pairs.
fn trailing_comment(line: &str) -> Option<usize> {
    if comment(line).is_some() {
        return None;
    }
    let mut from = 0;
    while let Some(found) = line[from..].find(" // ") {
        let at = from + found;
        let before = &line[..at];
        let quotes = before.matches('"').count() + before.matches("&quot;").count();
        if quotes.is_multiple_of(2) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// A comment's Korean part and the English in the parentheses that end it, if they do and hold
/// no Hangul: `작업자 0이 가장 빠름 (worker 0 is the quickest)`.
fn english_part(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_end();
    let inner_end = text.strip_suffix(')')?.len();
    let mut depth = 0;
    for (at, c) in text[..inner_end].char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth > 0 => depth -= 1,
            '(' => {
                let (korean, english) = (text[..at].trim_end(), &text[at + 1..inner_end]);
                let spaced = text[..at].ends_with(' ');
                return (spaced && !hangul(english) && !korean.is_empty())
                    .then_some((korean, english));
            }
            _ => {}
        }
    }
    None
}

/// A built page with each Rust listing's comments in `lang`.
pub fn page_for(html: &str, lang: Lang) -> String {
    const OPEN: &str = "<code class=\"language-rust";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(OPEN) {
        let Some(body) = rest[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let Some(end) = rest[body..].find("</code>").map(|i| body + i) else {
            break;
        };
        out.push_str(&rest[..body]);
        out.push_str(&listing_for(&rest[body..end], lang));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Every built page under `site` (`*.html`, `print.html` too), its listings' comments in `lang`:
/// how many pages have a Rust listing.
pub fn show_comments_in(site: &Path, lang: Lang) -> Result<usize, String> {
    let mut pages = 0;
    let mut folders = vec![site.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|e| format!("cannot read {}: {e}", folder.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|x| x == "html") {
                let html = std::fs::read_to_string(&path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                if !html.contains("<code class=\"language-rust") {
                    continue;
                }
                pages += 1;
                let shown = page_for(&html, lang);
                if shown != html {
                    std::fs::write(&path, shown)
                        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                }
            }
        }
    }
    Ok(pages)
}

/// The language a comment line (`// ...`) is written in: `None` for one shown in both books (no
/// words, or a Korean title glossed in English).
pub fn language_of(line: &str) -> Option<Lang> {
    match written(comment(line).map_or(line, |(_, text)| text)) {
        Written::Korean => Some(Lang::Ko),
        Written::English => Some(Lang::En),
        Written::Both => None,
    }
}

#[cfg(test)]
mod tests;

mod halves;
mod read;
pub use halves::{comment_blocks, half_hash, halves};
pub use read::{comment_lines, listings};
