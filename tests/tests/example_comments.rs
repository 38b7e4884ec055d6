//! A Korean learner reads the examples' Rust as much as the pages' prose (issue #55): every
//! comment block of every example's `src/main.rs` carries Hangul, the Korean lines above the
//! English ones (or a trailing `한국어 (English)`), as in the exercises
//! (`practice/tests/exercise_comments.rs`, whose block splitting, `book_comments::comment_blocks`, this shares). A block written in
//! English only fails here, naming the file and the line.

use std::path::{Path, PathBuf};

/// Every example's `src/main.rs`, `examples-distributed/` too.
fn files() -> Vec<PathBuf> {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let mut files = Vec::new();
    for chapter in std::fs::read_dir(root)
        .expect("read the workspace")
        .flatten()
    {
        let chapter = chapter.path();
        let name = chapter.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !name.starts_with("examples-") {
            continue;
        }
        for example in std::fs::read_dir(&chapter)
            .expect("read a chapter")
            .flatten()
        {
            let main = example.path().join("src/main.rs");
            if main.is_file() {
                files.push(main);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 40, "found only {} examples", files.len());
    files
}

fn hangul(text: &str) -> bool {
    text.chars().any(|c| ('가'..='힣').contains(&c))
}

use book_comments::comment_blocks;

#[test]
fn every_comment_of_an_example_carries_korean() {
    let mut english_only = Vec::new();
    for file in files() {
        let source = std::fs::read_to_string(&file).expect("an example's source");
        for (at, block) in comment_blocks(&source) {
            if !block.iter().any(|line| hangul(line)) {
                english_only.push(format!("{}:{at}: {}", file.display(), block[0].trim()));
            }
        }
    }
    assert!(
        english_only.is_empty(),
        "{} comments without Korean:\n{}",
        english_only.len(),
        english_only.join("\n")
    );
}

#[test]
fn a_block_in_one_language_is_found() {
    let source = "fn f() {\n    // 한국어\n    // English\n    let x = 1; // only English\n    say!(\"a // b\");\n}\n/// only English\nfn g() {}\n";
    let blocks = comment_blocks(source);
    let english_only: Vec<usize> = (blocks.iter())
        .filter(|(_, b)| !b.iter().any(|l| hangul(l)))
        .map(|(at, _)| *at)
        .collect();
    assert_eq!(english_only, [4, 7]);
}
