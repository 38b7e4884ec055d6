//! What the book's tests read (`book.rs`, `glossary.rs`): the workspace, the examples, a book's
//! pages in its summary's order, a page's includes and links.

#![allow(dead_code)] // each test program uses some of these

use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .canonicalize()
        .expect("the workspace root")
}

/// Every example package, main workspace and `examples-distributed/` alike, as its folder.
pub fn examples() -> Vec<PathBuf> {
    let mut found = Vec::new();
    for chapter in std::fs::read_dir(root()).expect("read the workspace") {
        let chapter = chapter.expect("entry").path();
        if !chapter
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("examples-"))
        {
            continue;
        }
        for example in std::fs::read_dir(&chapter).expect("read a chapter") {
            let example = example.expect("entry").path();
            if example.join("Cargo.toml").is_file() && example.join("src/main.rs").is_file() {
                found.push(example);
            }
        }
    }
    found.sort();
    found
}

/// The pages a book's `SUMMARY.md` links, in order.
pub fn summary(lang: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join("book").join(lang).join("src/SUMMARY.md"))
        .expect("SUMMARY.md");
    text.lines()
        .filter_map(|line| {
            let start = line.find("](")? + 2;
            let end = line[start..].find(')')? + start;
            Some(line[start..end].to_owned())
        })
        .collect()
}

pub fn page_path(lang: &str, page: &str) -> PathBuf {
    root().join("book").join(lang).join("src").join(page)
}

pub fn read_page(lang: &str, page: &str) -> String {
    let path = page_path(lang, page);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `{{#include path[:anchor]}}` of a page: (path, anchor).
pub fn includes(text: &str) -> Vec<(String, Option<String>)> {
    text.match_indices("{{#include ")
        .map(|(at, key)| {
            let rest = &text[at + key.len()..];
            let spec = &rest[..rest.find("}}").expect("an include ends with }}")];
            match spec.split_once(':') {
                Some((path, anchor)) => (path.to_owned(), Some(anchor.to_owned())),
                None => (spec.to_owned(), None),
            }
        })
        .collect()
}

/// The targets of a page's Markdown images and links that point inside the book.
pub fn local_targets(text: &str) -> Vec<String> {
    text.match_indices("](")
        .filter_map(|(at, key)| {
            let rest = &text[at + key.len()..];
            let target = &rest[..rest.find(')')?];
            let target = target.split('#').next().unwrap_or("");
            // `.html` targets are links into the built site (the other language's book): the
            // browser test follows those.
            (!target.is_empty() && !target.contains("://") && !target.ends_with(".html"))
                .then(|| target.to_owned())
        })
        .collect()
}
