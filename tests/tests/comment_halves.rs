//! A comment changed in one language must fail a test, not drift (issue #55). Every bilingual
//! comment block of the exercises' files (starting states and solutions) and of the examples'
//! `src/main.rs` is recorded in `book/comment-halves.txt` as the hashes of its two halves (its
//! Korean lines, its English lines: `book_comments::halves`). A block whose Korean half is
//! recorded with another English half (or the reverse) was changed in one language only: the
//! test names it and the half that changed. A new block, or one changed in both languages, is
//! unknown until recorded: look at both halves, then `COMMENTS_RECORD=1 cargo test -p harness
//! --test comment_halves` writes the record anew, as a catalogue's fuzzy entries are confirmed.

use book_comments::{comment_blocks, half_hash, halves};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

const RECORD: &str = "book/comment-halves.txt";

/// The files whose blocks are recorded, relative to the workspace, in a fixed order.
fn files() -> Vec<String> {
    let root = workspace();
    let mut found = Vec::new();
    let mains = |dir: &str| -> Vec<String> {
        let mut out: Vec<String> = std::fs::read_dir(root.join(dir))
            .map(|d| d.flatten().map(|e| e.path()).collect::<Vec<_>>())
            .unwrap_or_default()
            .into_iter()
            .filter(|p| p.join("src/main.rs").is_file())
            .map(|p| {
                format!(
                    "{dir}/{}/src/main.rs",
                    p.file_name().expect("a name").to_string_lossy()
                )
            })
            .collect();
        out.sort();
        out
    };
    for dir in [
        "examples-threading",
        "examples-multiprocessing",
        "examples-ipc",
        "examples-gui",
        "examples-sync",
        "exercises",
        "exercises/solutions",
    ] {
        found.extend(mains(dir));
    }
    assert!(found.len() > 100, "{found:?}");
    found
}

/// Each bilingual block: (its file, its line, its Korean half's hash, its English half's hash).
fn blocks_now() -> Vec<(String, usize, String, String)> {
    let mut all = Vec::new();
    for file in files() {
        let source = std::fs::read_to_string(workspace().join(&file)).expect("a source");
        for (line, block) in comment_blocks(&source) {
            if let Some((ko, en)) = halves(&block) {
                all.push((file.clone(), line, half_hash(&ko), half_hash(&en)));
            }
        }
    }
    all
}

/// What is wrong with `now` against the recorded pairs (Korean hash, English hash): each block
/// changed in one language only, or not recorded, in words.
fn drifted(
    now: &[(String, usize, String, String)],
    record: &BTreeSet<(String, String)>,
) -> Vec<String> {
    let english_of: HashMap<&str, &str> = record
        .iter()
        .map(|(k, e)| (k.as_str(), e.as_str()))
        .collect();
    let korean_of: HashMap<&str, &str> = record
        .iter()
        .map(|(k, e)| (e.as_str(), k.as_str()))
        .collect();
    let mut problems = Vec::new();
    for (file, line, ko, en) in now {
        if record.contains(&(ko.clone(), en.clone())) {
            continue;
        }
        let problem = if english_of.contains_key(ko.as_str()) {
            "its English half changed and its Korean half did not: change both, then record"
        } else if korean_of.contains_key(en.as_str()) {
            "its Korean half changed and its English half did not: change both, then record"
        } else {
            "not recorded (new, or changed in both languages): look at both halves, then record"
        };
        problems.push(format!("{file}:{line}: {problem}"));
    }
    problems
}

fn read_record() -> BTreeSet<(String, String)> {
    let text = std::fs::read_to_string(workspace().join(RECORD)).unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            Some((parts.next()?.to_owned(), parts.next()?.to_owned()))
        })
        .collect()
}

#[test]
fn no_comment_changed_in_one_language_only() {
    let now = blocks_now();
    if std::env::var_os("COMMENTS_RECORD").is_some() {
        let mut text = String::from(
            "# The two halves of every bilingual comment block (Korean hash, English hash, where):\n# tests/tests/comment_halves.rs. Written by COMMENTS_RECORD=1; do not edit by hand.\n",
        );
        let mut seen = BTreeSet::new();
        for (file, _, ko, en) in &now {
            if seen.insert((ko.clone(), en.clone())) {
                text.push_str(&format!("{ko} {en} {file}\n"));
            }
        }
        std::fs::write(workspace().join(RECORD), text).expect("write the record");
        return;
    }
    assert!(now.len() > 250, "only {} bilingual blocks", now.len());
    let problems = drifted(&now, &read_record());
    assert!(
        problems.is_empty(),
        "{} comment blocks drifted ({RECORD}; COMMENTS_RECORD=1 records them):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn a_change_to_one_half_alone_is_found() {
    let (ko, en) = halves(&["// 기다립니다.", "// wait."]).expect("two halves");
    let record: BTreeSet<(String, String)> = [(half_hash(&ko), half_hash(&en))].into();
    let block = |k: &str, e: &str| ("f.rs".to_owned(), 3, half_hash(k), half_hash(e));
    assert!(drifted(&[block(&ko, &en)], &record).is_empty());
    let english_alone = drifted(&[block(&ko, "wait here.")], &record);
    assert!(
        english_alone[0].contains("English half changed"),
        "{english_alone:?}"
    );
    let korean_alone = drifted(&[block("여기서 기다립니다.", &en)], &record);
    assert!(
        korean_alone[0].contains("Korean half changed"),
        "{korean_alone:?}"
    );
    let both = drifted(&[block("새 줄", "a new line")], &record);
    assert!(both[0].contains("not recorded"), "{both:?}");
}
