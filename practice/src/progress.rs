//! What the learner has done, kept between runs under the exercises' `target/`: which exercises
//! passed (as their sources were then) and how many hints each has shown.

use crate::exercises;
use crate::exercises::Exercise;
use std::path::{Path, PathBuf};

/// Where the exercises that passed are remembered: one line each, the id and a hash of the
/// exercise's source as it was when it passed.
fn passed_file(root: &Path) -> PathBuf {
    root.join("target").join("practice-passed")
}

/// A hash of the exercise's sources as they are now (FNV-1a over `src/` and `Cargo.toml`).
pub(crate) fn source_hash(root: &Path, exercise: &Exercise) -> u64 {
    let dir = root.join(exercise.folder());
    let mut files = vec![dir.join("Cargo.toml")];
    if let Ok(entries) = std::fs::read_dir(dir.join("src")) {
        files.extend(entries.flatten().map(|e| e.path()));
    }
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in files {
        for byte in std::fs::read(&file).unwrap_or_default() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        hash = (hash ^ 0xff).wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The exercises that passed as their sources are now: a ✓ is dropped when the file changes.
pub(crate) fn passed(root: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(passed_file(root)).unwrap_or_default();
    exercises()
        .iter()
        .filter(|e| {
            let want = format!("{} {:016x}", e.id, source_hash(root, e));
            text.lines().any(|l| l == want)
        })
        .map(|e| e.id.to_owned())
        .collect()
}

pub(crate) fn remember(root: &Path, exercise: &Exercise, ok: bool) {
    let text = std::fs::read_to_string(passed_file(root)).unwrap_or_default();
    let prefix = format!("{} ", exercise.id);
    let mut lines: Vec<String> = text
        .lines()
        .filter(|l| !l.starts_with(&prefix))
        .map(str::to_owned)
        .collect();
    if ok {
        lines.push(format!(
            "{} {:016x}",
            exercise.id,
            source_hash(root, exercise)
        ));
    }
    let _ = std::fs::create_dir_all(root.join("target"));
    let _ = std::fs::write(passed_file(root), lines.join("\n") + "\n");
}
