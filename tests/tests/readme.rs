//! Both READMEs list exactly the workspace's examples, so that neither falls behind.

use std::collections::BTreeSet;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// Every example package: a folder under an `examples-*` chapter folder.
fn members() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for chapter in std::fs::read_dir(root()).expect("read the workspace") {
        let chapter = chapter.expect("entry").path();
        let is_chapter = chapter
            .file_name()
            .and_then(|n| n.to_str())
            // examples-distributed is a workspace of its own (it needs MPI), covered by the
            // README's "Beyond one machine" section.
            .is_some_and(|n| n.starts_with("examples-") && n != "examples-distributed");
        if !is_chapter {
            continue;
        }
        for example in std::fs::read_dir(&chapter).expect("read a chapter") {
            let example = example.expect("entry").path();
            let manifest = std::fs::read_to_string(example.join("Cargo.toml")).expect("Cargo.toml");
            let name = example
                .file_name()
                .and_then(|n| n.to_str())
                .expect("a name")
                .to_owned();
            assert!(
                manifest.contains(&format!("name = \"{name}\"")),
                "{name}: package name = folder name"
            );
            names.insert(name);
        }
    }
    names
}

/// The packages a README's table rows run (`cargo run -p NAME`, `cargo run --release -p NAME`).
fn listed(readme: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join(readme)).expect("read the README");
    let mut names = BTreeSet::new();
    for row in text.lines().filter(|line| line.starts_with("| ")) {
        for (i, _) in row.match_indices("cargo run ") {
            let rest = row[i + "cargo run ".len()..].trim_start_matches("--release ");
            if let Some(rest) = rest.strip_prefix("-p ") {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                names.insert(name);
            }
        }
    }
    names
}

#[test]
fn readme_lists_every_example_and_no_other() {
    assert_eq!(listed("README.md"), members());
}

#[test]
fn korean_readme_lists_every_example_and_no_other() {
    assert_eq!(listed("README.ko.md"), members());
}

#[test]
fn the_two_readmes_link_to_each_other() {
    let english = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let korean = std::fs::read_to_string(root().join("README.ko.md")).expect("README.ko.md");
    assert!(
        english.contains("(README.ko.md)"),
        "README.md must link to README.ko.md"
    );
    assert!(
        korean.contains("(README.md)"),
        "README.ko.md must link to README.md"
    );
}

#[test]
fn every_example_has_a_recording_and_its_timeline() {
    for name in members() {
        let chapter = std::fs::read_dir(root())
            .expect("read")
            .map(|e| e.expect("entry").path())
            .find(|chapter| chapter.join(&name).is_dir())
            .expect("its chapter");
        let recording = chapter.join(&name).join("output.txt");
        let text = std::fs::read_to_string(&recording)
            .unwrap_or_else(|_| panic!("{name} has no output.txt"));
        assert!(
            text.starts_with("$ ") && text.contains(&format!("-p {name}")),
            "{}",
            recording.display()
        );
        let picture = chapter.join(&name).join("timeline.svg");
        let svg = std::fs::read_to_string(&picture).unwrap_or_else(|_| {
            panic!("{name} has no timeline.svg (scripts/record-outputs {name})")
        });
        assert!(svg.starts_with("<svg"), "{}", picture.display());
    }
}

fn readme(name: &str) -> String {
    std::fs::read_to_string(root().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The heading levels, in order (`##`, `###`...): the same sections in the same places.
fn heading_levels(text: &str) -> Vec<usize> {
    let mut in_code = false;
    let mut levels = Vec::new();
    for line in text.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
        } else if !in_code && line.starts_with('#') {
            levels.push(line.chars().take_while(|&c| c == '#').count());
        }
    }
    levels
}

/// Each table as its rows; each row as the cells that are only code (`` `thread-start` ``,
/// `` `cargo run -p pool-map` ``): packages, commands and Python calls, which read the same in
/// both languages. Prose cells are left out.
fn tables(text: &str) -> Vec<Vec<Vec<String>>> {
    let mut tables: Vec<Vec<Vec<String>>> = Vec::new();
    let mut in_table = false;
    for line in text.lines() {
        if !line.starts_with('|') {
            in_table = false;
            continue;
        }
        if !in_table {
            tables.push(Vec::new());
            in_table = true;
        }
        let code_cells = line
            .trim_matches('|')
            .split(" | ")
            .map(str::trim)
            .filter(|cell| {
                cell.len() > 2
                    && cell.starts_with('`')
                    && cell.ends_with('`')
                    && cell.matches('`').count() == 2
            })
            .map(str::to_owned)
            .collect();
        tables.last_mut().expect("a table").push(code_cells);
    }
    tables
}

/// The commands of every `sh` block, comments left out.
fn commands(text: &str) -> Vec<String> {
    let mut in_sh = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with("```") {
            in_sh = line == "```sh";
        } else if in_sh {
            let command = line.split(" #").next().unwrap_or("").trim();
            if !command.is_empty() && !command.starts_with('#') {
                out.push(command.to_owned());
            }
        }
    }
    out
}

#[test]
fn the_two_readmes_have_the_same_sections() {
    assert_eq!(
        heading_levels(&readme("README.md")),
        heading_levels(&readme("README.ko.md"))
    );
}

#[test]
fn the_two_readmes_have_the_same_table_rows() {
    let (english, korean) = (
        tables(&readme("README.md")),
        tables(&readme("README.ko.md")),
    );
    assert_eq!(english.len(), korean.len(), "the number of tables");
    for (i, (en, ko)) in english.iter().zip(&korean).enumerate() {
        assert_eq!(en, ko, "table {} (code-only cells, row by row)", i + 1);
    }
}

#[test]
fn the_two_readmes_give_the_same_commands() {
    assert_eq!(
        commands(&readme("README.md")),
        commands(&readme("README.ko.md"))
    );
}
