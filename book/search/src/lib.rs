//! Makes a built Korean mdBook searchable in Korean.
//!
//! mdBook 0.4 indexes every page with elasticlunr's English pipeline, whose trimmer drops every
//! character that is not an ASCII letter or digit: a Korean word never reaches the index, and a
//! Korean query is emptied in the browser the same way (rust-lang/mdBook#1081). After `mdbook
//! build`, [`make_korean_searchable`] rebuilds the index from the page texts mdBook stored in it,
//! with the tokenizer of [`tokens`] and the stemmer of [`stem`], and teaches the browser the same
//! two steps (`korean.js`, appended to the book's `elasticlunr.min.js`, which the pages load
//! before the searcher). It also gives the search box and the page buttons Korean words.
//!
//! ```
//! assert_eq!(book_search::tokens("`Mutex`를 잠그는 스레드가"), ["mutex", "를", "잠그는", "스레드가"]);
//! assert_eq!(book_search::stem("스레드가").as_deref(), Some("스레드"));
//! assert_eq!(book_search::stem("threads").as_deref(), Some("thread"));
//! ```

mod korean_ui;
mod pipeline;
mod words;

pub use words::{LOANWORDS, PARTICLES, VARIANTS, stem, tokens, variants};

use elasticlunr::IndexBuilder;
use korean_ui::speak_korean;
use pipeline::KoreanBook;
use serde_json::Value;
use std::path::Path;

/// The browser's half: the same tokenizer and stemmer, registered under the labels the index
/// names in its pipeline.
pub const KOREAN_JS: &str = include_str!("korean.js");

/// What [`make_korean_searchable`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Pages (sections) indexed.
    pub documents: usize,
    /// The index's JSON as mdBook wrote it, in bytes.
    pub bytes_before: usize,
    /// The rebuilt index's JSON, in bytes.
    pub bytes_after: usize,
}

/// Rebuilds the search index of the book built in `book_dir` for Korean, loads the Korean
/// tokenizer in the browser, and puts the search box's and the buttons' words in Korean.
/// Fails, naming what it missed, if the build does not look like mdBook 0.4.52's.
pub fn make_korean_searchable(book_dir: &Path) -> Result<Report, String> {
    let read = |name: &str| {
        std::fs::read_to_string(book_dir.join(name))
            .map_err(|e| format!("{}: {e}", book_dir.join(name).display()))
    };
    let write = |name: &str, text: &str| {
        std::fs::write(book_dir.join(name), text)
            .map_err(|e| format!("{}: {e}", book_dir.join(name).display()))
    };
    // mdBook 0.4.52 writes the index only as a script (it works from file:// too):
    // `window.search = Object.assign(window.search, JSON.parse('<the JSON, \ and ' escaped>'));`
    let script = read("searchindex.js")?;
    let before = script
        .strip_prefix(INDEX_PREFIX)
        .and_then(|rest| rest.strip_suffix(INDEX_SUFFIX))
        .map(unescape)
        .ok_or("searchindex.js is not in the form mdBook 0.4.52 writes")?;
    let mut json: Value =
        serde_json::from_str(&before).map_err(|e| format!("searchindex.js: {e}"))?;
    let docs = json
        .pointer("/index/documentStore/docs")
        .and_then(Value::as_object)
        .ok_or("searchindex.js has no stored documents")?;
    let mut refs: Vec<(usize, &String)> = docs
        .keys()
        .map(|key| key.parse().map(|n| (n, key)))
        .collect::<Result<_, _>>()
        .map_err(|e| format!("searchindex.js: a document ref is not a number: {e}"))?;
    refs.sort();
    let mut index = IndexBuilder::with_language(Box::new(KoreanBook))
        .add_fields(["title", "body", "breadcrumbs"])
        .build();
    for (_, key) in &refs {
        let field = |name: &str| docs[*key][name].as_str().unwrap_or("").to_owned();
        index.add_doc(key, [field("title"), field("body"), field("breadcrumbs")]);
    }
    let documents = refs.len();
    json["index"] = serde_json::to_value(&index).map_err(|e| e.to_string())?;
    let after = serde_json::to_string(&json).map_err(|e| e.to_string())?;
    write(
        "searchindex.js",
        &format!(
            "{INDEX_PREFIX}{}{INDEX_SUFFIX}",
            after.replace('\\', "\\\\").replace('\'', "\\'")
        ),
    )?;
    let lunr = read("elasticlunr.min.js")?;
    if !lunr.contains(KOREAN_JS) {
        write("elasticlunr.min.js", &format!("{lunr}\n{KOREAN_JS}"))?;
    }
    speak_korean(book_dir)?;
    Ok(Report {
        documents,
        bytes_before: before.len(),
        bytes_after: after.len(),
    })
}

const INDEX_PREFIX: &str = "window.search = Object.assign(window.search, JSON.parse('";
const INDEX_SUFFIX: &str = "'));";

/// Undoes mdBook's escaping of the JSON in `searchindex.js` (`\\` for `\`, `\'` for `'`).
fn unescape(escaped: &str) -> String {
    let mut json = String::with_capacity(escaped.len());
    let mut chars = escaped.chars();
    while let Some(c) = chars.next() {
        json.push(if c == '\\' {
            chars.next().unwrap_or(c)
        } else {
            c
        });
    }
    json
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{STEMMER, TRIMMER};
    use elasticlunr::Language;

    #[test]
    fn particles_go_and_short_words_stay() {
        for (word, stem_) in [
            ("스레드를", "스레드"),
            ("스레드의", "스레드"),
            ("프로세스에서", "프로세스"),
            ("메모리", "메모리"),
            ("추가", "추가"),
            ("데몬", "데몬"),
        ] {
            assert_eq!(stem(word).as_deref(), Some(stem_), "{word}");
        }
    }

    #[test]
    fn english_words_are_stemmed_as_the_english_book_does() {
        assert_eq!(stem("the"), None);
        assert_eq!(stem("locking").as_deref(), Some("lock"));
        assert_eq!(stem("e0373").as_deref(), Some("e0373"));
    }

    #[test]
    fn an_english_term_is_indexed_under_its_loanword_too() {
        let words = KoreanBook.tokenize("Pipe()로 threads를");
        assert_eq!(words, ["pipe", "로", "threads를", "파이프"]);
        assert_eq!(KoreanBook.tokenize("join"), ["join", "조인"]);
    }

    #[test]
    fn the_browser_has_the_same_particles() {
        for particle in PARTICLES {
            assert!(KOREAN_JS.contains(&format!("'{particle}'")), "{particle}");
        }
        assert!(KOREAN_JS.contains(TRIMMER) && KOREAN_JS.contains(STEMMER));
    }
}
