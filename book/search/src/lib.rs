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

use elasticlunr::pipeline::{Pipeline, PipelineFn};
use elasticlunr::{IndexBuilder, Language};
use serde_json::Value;
use std::path::Path;
use std::sync::LazyLock;

/// The browser's half: the same tokenizer and stemmer, registered under the labels the index
/// names in its pipeline.
pub const KOREAN_JS: &str = include_str!("korean.js");

/// The labels of the index's pipeline, as `korean.js` registers them.
const TRIMMER: &str = "trimmerKoBook";
const STEMMER: &str = "stemmerKoBook";

/// Particles stripped from the end of an all-Hangul word, longest first (`korean.js` has the
/// same list). A stem keeps at least two syllables, so `추가` stays whole.
pub const PARTICLES: &[&str] = &[
    "에서는",
    "에게서",
    "으로는",
    "에서",
    "에게",
    "으로",
    "로는",
    "에는",
    "까지",
    "부터",
    "처럼",
    "보다",
    "하고",
    "이나",
    "이다",
    "과",
    "와",
    "를",
    "을",
    "가",
    "이",
    "은",
    "는",
    "의",
    "에",
    "도",
    "로",
    "만",
];

/// The course's English terms and the loanwords a Korean reader types for them. The pages say
/// `Pipe` and `join` where a reader searches `파이프` and `조인`: a section with the English word
/// is indexed under the Korean one too (at index time only; a query is not changed).
pub const LOANWORDS: &[(&str, &str)] = &[
    ("thread", "스레드"),
    ("process", "프로세스"),
    ("daemon", "데몬"),
    ("lock", "락"),
    ("mutex", "뮤텍스"),
    ("pipe", "파이프"),
    ("queue", "큐"),
    ("pool", "풀"),
    ("join", "조인"),
    ("semaphore", "세마포어"),
    ("barrier", "배리어"),
    ("event", "이벤트"),
    ("condition", "컨디션"),
    ("channel", "채널"),
    ("fork", "포크"),
    ("spawn", "스폰"),
    ("deadlock", "데드락"),
    ("timeline", "타임라인"),
    ("worker", "워커"),
    ("signal", "시그널"),
    ("closure", "클로저"),
    ("atomic", "아토믹"),
    ("panic", "패닉"),
    ("socket", "소켓"),
    ("trace", "트레이스"),
];

/// Words the Korean Rust community writes more than one way (the glossary's variants): a
/// section with one is indexed under the others too, so a reader finds it whichever way they
/// type it (at index time only, as [`LOANWORDS`]).
pub const VARIANTS: &[&[&str]] = &[
    &["빌림", "대여", "차용"],
    &["라이프타임", "수명"],
    &["트레이트", "트레잇"],
    &["참조", "참조자"],
    &["교착", "데드락"],
    &["원자적", "아토믹"],
    &["병렬", "병렬성"],
    &["경쟁", "레이스"],
];

/// The other ways of writing `stem` (see [`VARIANTS`]).
///
/// ```
/// assert_eq!(book_search::variants("대여"), ["빌림", "차용"]);
/// assert!(book_search::variants("스레드").is_empty());
/// ```
pub fn variants(stem: &str) -> Vec<&'static str> {
    VARIANTS
        .iter()
        .filter(|group| group.contains(&stem))
        .flat_map(|group| group.iter().copied().filter(|word| *word != stem))
        .collect()
}

/// mdBook leaves out words longer than this; so does this index.
const MAX_WORD_BYTES: usize = 80;

static SEPARATOR: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"[^\p{L}\p{N}_]+").expect("a valid pattern"));

/// Splits a text into lower-case words at every character that is not a letter, a digit or `_`
/// (`korean.js` splits a query the same way): `` `Mutex`를 `` gives `mutex` and `를`.
pub fn tokens(text: &str) -> Vec<String> {
    SEPARATOR
        .split(text)
        .filter(|word| !word.is_empty() && word.len() <= MAX_WORD_BYTES)
        .map(str::to_lowercase)
        .collect()
}

/// What a word is indexed and searched as: an English word goes through elasticlunr's own
/// English stop-word filter and stemmer (as the English book's words do); an all-Hangul word
/// loses a final particle (`스레드를` and `스레드가` are both `스레드`); anything else is kept.
/// `None` for a word that is not indexed (an English stop word).
pub fn stem(token: &str) -> Option<String> {
    if token.is_ascii() {
        return ENGLISH.with(|english| english.run(vec![token.to_owned()]).pop());
    }
    if token.chars().all(is_hangul) {
        let syllables = token.chars().count();
        for particle in PARTICLES {
            if syllables >= particle.chars().count() + 2 && token.ends_with(particle) {
                return Some(token[..token.len() - particle.len()].to_owned());
            }
        }
    }
    Some(token.to_owned())
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

thread_local! {
    // elasticlunr's English pipeline (its trimmer, stop words and Porter stemmer), the one
    // `elasticlunr.min.js` runs in the browser.
    static ENGLISH: Pipeline = elasticlunr::lang::English::new().make_pipeline();
}

/// The Korean book's language for elasticlunr: [`tokens`] and their [`LOANWORDS`], then [`stem`].
#[derive(Debug)]
struct KoreanBook;

impl Language for KoreanBook {
    fn name(&self) -> String {
        "Korean".into()
    }

    fn code(&self) -> String {
        "ko".into()
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        let mut words = tokens(text);
        let loanwords: Vec<String> = words
            .iter()
            .filter_map(|word| {
                let singular = word.strip_suffix('s').unwrap_or(word);
                LOANWORDS
                    .iter()
                    .find(|(english, _)| *english == word || *english == singular)
                    .map(|(_, korean)| (*korean).to_owned())
            })
            .collect();
        words.extend(loanwords);
        let others: Vec<String> = (words.iter())
            .filter_map(|word| stem(word))
            .flat_map(|stem| variants(&stem))
            .map(str::to_owned)
            .collect();
        words.extend(others);
        words
    }

    fn make_pipeline(&self) -> Pipeline {
        Pipeline {
            queue: vec![Box::new(Step(TRIMMER)), Box::new(Step(STEMMER))],
        }
    }
}

/// One labelled step of the pipeline. The tokenizer already trimmed the words, so the trimmer
/// only drops an empty one (a query can have them; the browser's tokenizer keeps them).
#[derive(Debug)]
struct Step(&'static str);

impl PipelineFn for Step {
    fn name(&self) -> String {
        self.0.to_owned()
    }

    fn filter(&self, token: String) -> Option<String> {
        match self.0 {
            STEMMER => stem(&token),
            _ => (!token.is_empty()).then_some(token),
        }
    }
}

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

/// The searcher's result headers, in Korean.
const SEARCHER_WORDS: &[(&str, &str)] = &[
    (
        r"return count + ' search result for \'' + searchterm + '\':';",
        r"return '\'' + searchterm + '\' 검색 결과 ' + count + '개';",
    ),
    (
        r"return 'No search results for \'' + searchterm + '\'.';",
        r"return '\'' + searchterm + '\'에 대한 검색 결과가 없습니다';",
    ),
    (
        r"return count + ' search results for \'' + searchterm + '\':';",
        r"return '\'' + searchterm + '\' 검색 결과 ' + count + '개';",
    ),
];

/// The page template's words (the search box, the keyboard help, the buttons), in Korean.
const PAGE_WORDS: &[(&str, &str)] = &[
    (
        r#"placeholder="Search this book ...""#,
        r#"placeholder="이 책에서 찾기 ...""#,
    ),
    (">Keyboard shortcuts<", ">단축키<"),
    (
        "Press <kbd>←</kbd> or <kbd>→</kbd> to navigate between chapters",
        "<kbd>←</kbd>, <kbd>→</kbd>: 앞 장, 다음 장으로 가기",
    ),
    (
        "Press <kbd>S</kbd> or <kbd>/</kbd> to search in the book",
        "<kbd>S</kbd>, <kbd>/</kbd>: 이 책에서 찾기",
    ),
    (
        "Press <kbd>?</kbd> to show this help",
        "<kbd>?</kbd>: 이 도움말 보기",
    ),
    (
        "Press <kbd>Esc</kbd> to hide this help",
        "<kbd>Esc</kbd>: 도움말 닫기",
    ),
    (
        r#"title="Print this book" aria-label="Print this book""#,
        r#"title="이 책 인쇄하기" aria-label="이 책 인쇄하기""#,
    ),
    (
        r#"title="Change theme" aria-label="Change theme""#,
        r#"title="테마 바꾸기" aria-label="테마 바꾸기""#,
    ),
    (
        r#"title="Search (`/`)" aria-label="Toggle Searchbar""#,
        r#"title="찾기 (`/`)" aria-label="검색창 열고 닫기""#,
    ),
    (
        r#"title="Toggle Table of Contents" aria-label="Toggle Table of Contents""#,
        r#"title="목차 열고 닫기" aria-label="목차 열고 닫기""#,
    ),
    (
        r#"title="Previous chapter" aria-label="Previous chapter""#,
        r#"title="이전 장" aria-label="이전 장""#,
    ),
    (
        r#"title="Next chapter" aria-label="Next chapter""#,
        r#"title="다음 장" aria-label="다음 장""#,
    ),
];

/// Replaces the English words of the searcher and of every page; each must be found somewhere,
/// so that a template that changed (another mdBook) fails the build instead of staying English.
fn speak_korean(book_dir: &Path) -> Result<(), String> {
    let mut files = vec![book_dir.join("searcher.js")];
    let mut stack = vec![book_dir.to_owned()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "html") {
                files.push(path);
            }
        }
    }
    let mut found = vec![false; SEARCHER_WORDS.len() + PAGE_WORDS.len()];
    for file in &files {
        let words = if file.ends_with("searcher.js") {
            SEARCHER_WORDS
                .iter()
                .zip(&mut found[..SEARCHER_WORDS.len()])
        } else {
            PAGE_WORDS.iter().zip(&mut found[SEARCHER_WORDS.len()..])
        };
        let mut text =
            std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let mut changed = false;
        for ((english, korean), seen) in words {
            if text.contains(english) {
                text = text.replace(english, korean);
                *seen = true;
                changed = true;
            }
        }
        if changed {
            std::fs::write(file, text).map_err(|e| format!("{}: {e}", file.display()))?;
        }
    }
    let missing: Vec<&str> = SEARCHER_WORDS
        .iter()
        .chain(PAGE_WORDS)
        .zip(&found)
        .filter(|(_, seen)| !**seen)
        .map(|((english, _), _)| *english)
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}: not found in the built book (another mdBook version?): {}",
            book_dir.display(),
            missing.join(" | ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
