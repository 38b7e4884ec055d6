//! The book (`book/ko`, `book/en`) stays true without building it: every example has its page in
//! both languages, every included file and picture exists, the Korean pages are Korean, and both
//! books have the same pages in the same order.

#[path = "book/pages.rs"]
mod pages;

use pages::*;
use std::collections::BTreeSet;

#[test]
fn both_books_have_the_same_pages_in_the_same_order() {
    assert_eq!(summary("ko"), summary("en"));
    for lang in ["ko", "en"] {
        for page in summary(lang) {
            assert!(
                page_path(lang, &page).is_file(),
                "{lang}: {page} is in SUMMARY.md but missing"
            );
        }
    }
}

#[test]
fn every_page_is_in_the_summary() {
    for lang in ["ko", "en"] {
        let listed: BTreeSet<String> = summary(lang).into_iter().collect();
        let src = root().join("book").join(lang).join("src");
        let mut stack = vec![src.clone()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("read") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "md")
                    && !path.ends_with("SUMMARY.md")
                {
                    let page = path.strip_prefix(&src).expect("under src");
                    let page = page.to_str().expect("UTF-8").to_owned();
                    assert!(
                        listed.contains(&page),
                        "{lang}: {page} is not in SUMMARY.md"
                    );
                }
            }
        }
    }
}

#[test]
fn every_example_has_its_page_in_both_languages() {
    for lang in ["ko", "en"] {
        let pages: Vec<String> = summary(lang).iter().map(|p| read_page(lang, p)).collect();
        for example in examples() {
            let folder = example.strip_prefix(root()).expect("under the root");
            let folder = folder.to_str().expect("UTF-8");
            for file in ["src/main.rs", "output.txt", "timeline.svg"] {
                let wanted = format!("{folder}/{file}}}}}");
                assert!(
                    pages.iter().any(|page| page.contains(&wanted)),
                    "{lang}: no page includes {folder}/{file}"
                );
            }
        }
    }
}

#[test]
fn every_include_image_and_link_exists() {
    for lang in ["ko", "en"] {
        for page in summary(lang) {
            let text = read_page(lang, &page);
            let dir = page_path(lang, &page)
                .parent()
                .expect("a folder")
                .to_owned();
            for (path, anchor) in includes(&text) {
                let file = dir.join(&path);
                let body = std::fs::read_to_string(&file)
                    .unwrap_or_else(|e| panic!("{lang}/{page}: include {path}: {e}"));
                if let Some(anchor) = anchor.filter(|a| !a.chars().all(|c| c.is_ascii_digit())) {
                    assert!(
                        body.contains(&format!("ANCHOR: {anchor}"))
                            && body.contains(&format!("ANCHOR_END: {anchor}")),
                        "{lang}/{page}: {path} has no anchor {anchor}"
                    );
                }
            }
            for target in local_targets(&text) {
                assert!(
                    dir.join(&target).exists(),
                    "{lang}/{page}: {target} does not exist"
                );
            }
        }
    }
}

/// The share of Hangul among a text's letters, code, includes and HTML left out.
fn hangul_share(text: &str) -> f64 {
    let mut in_code = false;
    let (mut hangul, mut letters) = (0usize, 0usize);
    for line in text.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code || line.starts_with('<') || line.contains("{{#include") {
            continue;
        }
        // Inline code spans are every other piece between backticks.
        for (i, piece) in line.split('`').enumerate() {
            if i % 2 == 1 {
                continue;
            }
            for c in piece.chars().filter(|c| c.is_alphabetic()) {
                letters += 1;
                if ('\u{AC00}'..='\u{D7A3}').contains(&c) {
                    hangul += 1;
                }
            }
        }
    }
    if letters == 0 {
        return 1.0;
    }
    hangul as f64 / letters as f64
}

#[test]
fn the_korean_pages_are_korean_and_the_english_ones_english() {
    for page in summary("ko") {
        let share = hangul_share(&read_page("ko", &page));
        // Package names, Python calls and the notes' own English words keep it well below 100%.
        assert!(share > 0.3, "ko/{page}: only {:.0}% Hangul", share * 100.0);
        let share = hangul_share(&read_page("en", &page));
        assert!(share < 0.2, "en/{page}: {:.0}% Hangul", share * 100.0);
    }
}

#[test]
fn both_languages_include_the_same_files_and_name_the_same_packages() {
    let packages: Vec<String> = examples()
        .iter()
        .map(|e| {
            e.file_name()
                .and_then(|n| n.to_str())
                .expect("a name")
                .to_owned()
        })
        .collect();
    for page in summary("ko") {
        let (ko, en) = (read_page("ko", &page), read_page("en", &page));
        // The same files and anchors, but for each language's own (`:ko`, `hint.ko.md`, and
        // `python-to-rust.ko.md` for the English `python-to-rust.md`).
        let neutral = |text: &str, lang: &str| -> Vec<(String, Option<String>)> {
            includes(text)
                .into_iter()
                .map(|(path, anchor)| {
                    let path = path.replace(&format!(".{lang}."), ".");
                    (path, anchor.filter(|a| a != lang))
                })
                .collect()
        };
        assert_eq!(
            neutral(&ko, "ko"),
            neutral(&en, "en"),
            "{page}: included files"
        );
        let named = |text: &str| -> BTreeSet<&String> {
            packages
                .iter()
                .filter(|p| text.contains(&format!("`{p}`")))
                .collect()
        };
        assert_eq!(named(&ko), named(&en), "{page}: packages named");
    }
}

#[test]
fn the_python_to_rust_rows_of_a_page_are_rows_of_the_map() {
    let cells = |row: &str| -> Vec<String> {
        row.trim_matches('|')
            .split(" | ")
            .map(|cell| cell.trim().to_owned())
            .collect()
    };
    // A Korean page's rows are the Korean map's, an English page's the English map's.
    for (lang, map) in [("ko", "python-to-rust.ko.md"), ("en", "python-to-rust.md")] {
        let map = std::fs::read_to_string(root().join("docs").join(map)).expect("the map");
        let map_rows: BTreeSet<(String, String)> = map
            .lines()
            .filter(|l| l.starts_with("| "))
            .map(|l| {
                let c = cells(l);
                (c[0].clone(), c[1].clone())
            })
            .collect();
        for page in summary(lang) {
            let text = read_page(lang, &page);
            let Some(at) = text
                .find("| 파이썬 | 러스트 |")
                .or(text.find("| Python | Rust |"))
            else {
                continue;
            };
            for row in text[at..]
                .lines()
                .skip(2)
                .take_while(|l| l.starts_with("| "))
            {
                let c = cells(row);
                assert!(
                    map_rows.contains(&(c[0].clone(), c[1].clone())),
                    "{lang}/{page}: the row {row:?} is not in its language's map (docs/python-to-rust*.md)"
                );
            }
        }
    }
}

/// The code spans (`...`) of a table cell, sorted (Korean puts them in its own order).
fn code_spans(cell: &str) -> Vec<String> {
    let mut spans: Vec<String> = cell
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|c| format!("`{c}`"))
        .collect();
    spans.sort();
    spans
}

fn has_hangul(text: &str) -> bool {
    text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

#[test]
fn the_korean_map_has_the_english_maps_rows_in_korean() {
    let read = |name: &str| std::fs::read_to_string(root().join("docs").join(name)).expect(name);
    let (en, ko) = (read("python-to-rust.md"), read("python-to-rust.ko.md"));
    let cells = |row: &str| -> Vec<String> {
        row.trim_matches('|')
            .split(" | ")
            .map(|cell| cell.trim().to_owned())
            .collect()
    };
    // The rows under the header row, which is in each file's own language.
    let rows = |text: &str| -> Vec<Vec<String>> {
        text.lines()
            .filter(|l| l.starts_with("| "))
            .skip(1)
            .map(&cells)
            .collect()
    };
    let (en_rows, ko_rows) = (rows(&en), rows(&ko));
    assert_eq!(en_rows.len(), ko_rows.len(), "the number of rows");
    for (en_row, ko_row) in en_rows.iter().zip(&ko_rows) {
        assert_eq!(ko_row.len(), 4, "the row {ko_row:?}");
        // The first three cells hold the same code (`...`) as the English map's, in any order; the words
        // around it are Korean where the English cell has words.
        for (column, (en, ko)) in en_row.iter().zip(ko_row).enumerate() {
            if column < 3 {
                assert_eq!(code_spans(ko), code_spans(en), "the row {ko:?}: its code");
            }
            let words = |cell: &str| {
                let prose = code_spans(cell)
                    .iter()
                    .fold(cell.to_owned(), |p, c| p.replace(c, ""));
                prose
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .any(|w| w.len() >= 3)
            };
            assert!(
                ko.is_empty() == en.is_empty() && (!words(en) || has_hangul(ko)),
                "the row {:?}: {ko:?} is not in Korean",
                en_row[0]
            );
        }
    }
    // The code under the table is the English map's, which runs as `common`'s doctests.
    let code = |text: &str| -> Vec<String> {
        let mut in_code = false;
        text.lines()
            .filter(|l| {
                in_code ^= l.starts_with("```");
                in_code || l.starts_with("```")
            })
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(code(&en), code(&ko), "the code blocks");
}
