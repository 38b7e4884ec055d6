//! `common`'s modules import only downward, so that each can be read and changed alone:
//!
//! ```text
//! manager                      a server process and its proxies, over ipc's queue at start
//! pool, ipc, shm, python       above process: they start and watch children
//! process                      fork, the child table, the exit rule; installs its hooks below
//! say                          printing a line (and tracing it)
//! trace                        events (and their lifecycle), one JSON line each
//! output, exit, identity, time the lock and the whole-line write, the exit sequence, names, sleeps;
//! sync, perturb                Python's Semaphore and Event; schedules perturbed for the checker
//! config, callback, spin       the environment variables; a function another process calls back;
//!                              whether looking before sleeping pays
//! ```
//! A lower module that must reach up (stdout closed: end the children) offers a hook that the
//! upper one installs (`output::before_abrupt_exit`, `exit::at_exit`).

use std::path::{Path, PathBuf};

const LAYERS: &[&[&str]] = &[
    &["config", "callback", "spin"],
    &["output", "exit", "identity", "time", "sync", "perturb"],
    &["trace"],
    &["say"],
    &["process"],
    &["pool", "ipc", "shm", "python"],
    &["manager"],
];

fn layer(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|layer| layer.contains(&module))
        .unwrap_or_else(|| panic!("the module {module} has no layer: add it to LAYERS"))
}

/// Every source file but `lib.rs`, with the top module it belongs to (`trace/lifecycle.rs` is
/// `trace`).
fn sources() -> Vec<(String, PathBuf)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("src/lib.rs") {
                let top = path.strip_prefix(&src).expect("under src");
                let top = top.iter().next().and_then(|c| c.to_str()).expect("a name");
                found.push((top.trim_end_matches(".rs").to_owned(), path));
            }
        }
    }
    found
}

/// The top modules a line of code names through `crate::` (`use crate::{a, b::c}` too).
fn named_modules(line: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, key) in line.match_indices("crate::") {
        if line[..at].ends_with('$') {
            continue; // `$crate::` in a macro: the module that defines the macro
        }
        let rest = &line[at + key.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for path in group.split(',') {
                let name = path.trim().split("::").next().unwrap_or("");
                names.push(name.to_owned());
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            names.push(name);
        }
    }
    // `crate::current_process()` and the like are re-exports from `lib.rs`; what they re-export
    // is named by `lib.rs` itself (see `reexports`).
    names
        .into_iter()
        .filter(|n| !n.is_empty())
        .map(|n| reexport_of(&n).unwrap_or(n))
        .collect()
}

/// The module a name that `lib.rs` re-exports comes from.
fn reexport_of(name: &str) -> Option<String> {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("lib.rs");
    lib.split("pub use ")
        .skip(1)
        .filter_map(|statement| statement.split_once(';').map(|(s, _)| s))
        .find_map(|statement| {
            let (module, names) = statement.split_once("::")?;
            names
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .any(|n| n == name)
                .then(|| module.trim().to_owned())
        })
}

#[test]
fn every_module_imports_only_from_below() {
    let mut upward = Vec::new();
    for (module, path) in sources() {
        let text = std::fs::read_to_string(&path).expect("read a source");
        for (number, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue; // docs may point anywhere
            }
            for named in named_modules(code) {
                if named != module && layer(&named) >= layer(&module) && named != "python_to_rust" {
                    upward.push(format!(
                        "{}:{}: {module} (layer {}) uses {named} (layer {})",
                        path.display(),
                        number + 1,
                        layer(&module),
                        layer(&named)
                    ));
                }
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports that do not go down:\n{}",
        upward.join("\n")
    );
}

#[test]
fn every_module_has_a_layer() {
    for (module, _) in sources() {
        layer(&module);
    }
}
