//! The comment blocks of a source file and their two halves, for the tests that keep every
//! block bilingual and the two halves from drifting apart (`tests/tests/comment_halves.rs`).

use super::{Lang, hangul, language_of};

/// The comment blocks of a source file (runs of `//` lines, header `//!` lines apart, and each
/// trailing comment alone), each as (its first line's number, its lines): what the tests that
/// keep every block bilingual read (`tests/tests/example_comments.rs`,
/// `practice/tests/exercise_comments.rs`, `tests/tests/comment_halves.rs`).
///
/// ```
/// let blocks = book_comments::comment_blocks("// 한국어\n// English\nlet x = 1; // trailing\n");
/// assert_eq!(blocks, [(1, vec!["// 한국어", "// English"]), (3, vec!["trailing"])]);
/// ```
pub fn comment_blocks(source: &str) -> Vec<(usize, Vec<&str>)> {
    let mut blocks: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut open = false;
    for (i, line) in source.lines().enumerate() {
        let trimmed = line.trim_start();
        let comment = trimmed.starts_with("//");
        if comment {
            let header = trimmed.starts_with("//!");
            let continues = open
                && blocks.last().is_some_and(|(_, b)| {
                    b.last()
                        .is_some_and(|l| l.trim_start().starts_with("//!") == header)
                });
            if continues {
                blocks.last_mut().expect("an open block").1.push(line);
            } else {
                blocks.push((i + 1, vec![line]));
            }
        } else if let Some((code, trailing)) = line.split_once(" // ") {
            // A trailing comment, outside a string (the quotes before it come in pairs).
            if code.matches('"').count().is_multiple_of(2) {
                blocks.push((i + 1, vec![trailing]));
            }
        }
        open = comment;
    }
    blocks
}

/// A bilingual block's two halves: its Korean lines and its English lines, each joined by
/// newlines, without the comment markers (a trailing `한국어 (English)` gives its two parts);
/// `None` for a block in one language only.
///
/// ```
/// let (ko, en) = book_comments::halves(&["// 기다립니다.", "// wait."]).unwrap();
/// assert_eq!((ko.as_str(), en.as_str()), ("기다립니다.", "wait."));
/// let (ko, en) = book_comments::halves(&["먼저 (first)"]).unwrap();
/// assert_eq!((ko.as_str(), en.as_str()), ("먼저", "first"));
/// assert!(book_comments::halves(&["// only English"]).is_none());
/// ```
pub fn halves(block: &[&str]) -> Option<(String, String)> {
    let text = |line: &str| -> String {
        let trimmed = line
            .trim_start()
            .trim_start_matches('/')
            .trim_start_matches('!');
        trimmed.trim().to_owned()
    };
    if let [line] = block
        && !line.trim_start().starts_with("//")
    {
        // A trailing comment: `한국어 (English)`.
        let (ko, en) = line.trim().rsplit_once(" (")?;
        let en = en.strip_suffix(')')?;
        return (hangul(ko) && !hangul(en)).then(|| (ko.trim().to_owned(), en.trim().to_owned()));
    }
    let of = |lang: Lang| -> Vec<String> {
        (block.iter())
            .filter(|line| language_of(line) == Some(lang))
            .map(|line| text(line))
            .collect()
    };
    let (ko, en) = (of(Lang::Ko), of(Lang::En));
    (!ko.is_empty() && !en.is_empty()).then(|| (ko.join("\n"), en.join("\n")))
}

/// A stable 64-bit hash of a half (FNV-1a), as the record of halves keeps it: the same text
/// gives the same hash on every machine and every Rust release.
///
/// ```
/// assert_eq!(book_comments::half_hash(""), "cbf29ce484222325");
/// ```
pub fn half_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}
