//! A Korean learner reads Korean in the files they edit (issue #55): every comment of every
//! exercise's starting state and solution carries Hangul, and every `TODO` line does on its own.
//! The English stays beside it (the English book and its readers use the same files), so a
//! comment block written in one language only fails here, naming the file and the line.

use std::path::{Path, PathBuf};

fn exercises() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../exercises")
}

/// Every exercise's `src/main.rs`, starting states then solutions.
fn files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for root in [exercises(), exercises().join("solutions")] {
        let mut folders: Vec<PathBuf> = std::fs::read_dir(&root)
            .expect("the exercises' folder")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.join("src/main.rs").is_file())
            .collect();
        folders.sort();
        files.extend(folders.into_iter().map(|p| p.join("src/main.rs")));
    }
    assert!(
        files.len() >= 72,
        "found only {} exercise files",
        files.len()
    );
    files
}

fn hangul(text: &str) -> bool {
    text.chars().any(|c| ('가'..='힣').contains(&c))
}

use book_comments::comment_blocks;

#[test]
fn every_todo_line_carries_korean() {
    let mut english_only = Vec::new();
    for file in files() {
        let source = std::fs::read_to_string(&file).expect("an exercise file");
        for (i, line) in source.lines().enumerate() {
            if line.contains("TODO") && !hangul(line) {
                english_only.push(format!("{}:{}: {}", file.display(), i + 1, line.trim()));
            }
        }
    }
    assert!(
        english_only.is_empty(),
        "TODO lines without Korean:\n{}",
        english_only.join("\n")
    );
}

#[test]
fn every_comment_of_an_exercise_carries_korean() {
    let mut english_only = Vec::new();
    for file in files() {
        let source = std::fs::read_to_string(&file).expect("an exercise file");
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
    let source = "fn f() {\n    // 한국어\n    // English\n    let x = 1; // only English\n}\n/// only English\nfn g() {}\n";
    let blocks = comment_blocks(source);
    let english_only: Vec<usize> = (blocks.iter())
        .filter(|(_, b)| !b.iter().any(|l| hangul(l)))
        .map(|(at, _)| *at)
        .collect();
    assert_eq!(english_only, [4, 6]);
}
