//! What the learner sees around a check: where the file to edit is, seen from where `practice`
//! was started, and how far along they are.

use crate::exercises::Exercise;
use std::path::{Path, PathBuf};

/// `path` as the learner would type it from where `practice` was started: relative when it is
/// below that folder, whole otherwise.
pub fn from_here(path: &Path) -> PathBuf {
    let here = std::env::current_dir().ok();
    match here
        .as_deref()
        .and_then(|here| path.strip_prefix(here).ok())
    {
        Some(relative) if !relative.as_os_str().is_empty() => relative.to_owned(),
        _ => path.to_owned(),
    }
}

/// The file the learner edits for `exercise`.
pub fn file_to_edit(root: &Path, exercise: &Exercise) -> PathBuf {
    from_here(&root.join(exercise.folder()).join("src/main.rs"))
}

/// rustc names files from the exercises' folder (`04-end-the-consumer/src/main.rs:9:1`); the
/// learner's terminal is elsewhere: each `folder/src/` becomes the folder seen from there (in
/// colour, rustc puts escape codes between `-->` and the path, so the path alone is matched).
pub fn paths_from_here(root: &Path, exercise: &Exercise, stderr: &str) -> String {
    let folder = exercise.folder();
    let shown = from_here(&root.join(&folder));
    stderr.replace(
        &format!("{folder}/src/"),
        &format!("{}/src/", shown.display()),
    )
}

/// The chapter of `exercise` and how many of its exercises passed: "노트 3/12".
pub fn chapter_progress(exercise: &Exercise, passed: &[String]) -> [String; 2] {
    let mates: Vec<&Exercise> = (crate::exercises().iter())
        .filter(|e| e.chapter == exercise.chapter)
        .collect();
    let done = mates
        .iter()
        .filter(|e| passed.iter().any(|p| p == e.id))
        .count();
    let [ko, en] = exercise.chapter;
    [
        format!("{ko} {done}/{}", mates.len()),
        format!("{en} {done}/{}", mates.len()),
    ]
}

/// "passed N of M".
pub fn progress(passed: usize, all: usize) -> [String; 2] {
    [
        format!("통과 {passed}/{all}"),
        format!("passed {passed}/{all}"),
    ]
}
