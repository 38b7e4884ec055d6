//! The search box's and the page buttons' words, in Korean.

use std::path::Path;

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
pub(crate) fn speak_korean(book_dir: &Path) -> Result<(), String> {
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
