//! `exercises/info.toml` is the one list everything else follows.

use super::*;

/// `exercises/info.toml` is the one list: the exercises workspace's members, the folders and
/// their solutions, the book's pages and index tables in both languages, and this file's list of
/// starting states all follow it, in its order.
#[test]
fn the_one_list_is_followed_everywhere() {
    let root = workspace();
    let info: toml::Table = std::fs::read_to_string(root.join("exercises/info.toml"))
        .expect("info.toml")
        .parse()
        .expect("valid TOML");
    let listed: Vec<String> = info["exercise"]
        .as_array()
        .expect("[[exercise]]")
        .iter()
        .map(|e| {
            format!(
                "{}-{}",
                e["id"].as_str().expect("id"),
                e["package"].as_str().expect("package")
            )
        })
        .collect();
    assert!(!listed.is_empty());
    let manifest: toml::Table = std::fs::read_to_string(root.join("exercises/Cargo.toml"))
        .expect("exercises/Cargo.toml")
        .parse()
        .expect("valid TOML");
    let members: Vec<&str> = manifest["workspace"]["members"]
        .as_array()
        .expect("members")
        .iter()
        .map(|m| m.as_str().expect("a member"))
        .collect();
    assert_eq!(members, listed, "exercises/Cargo.toml members");
    let starts: Vec<&str> = STARTS.iter().map(|(folder, _)| *folder).collect();
    assert_eq!(starts, listed, "STARTS in checked.rs");
    for folder in &listed {
        for file in ["src/main.rs", "hint.ko.md", "hint.en.md"] {
            assert!(
                root.join("exercises").join(folder).join(file).is_file(),
                "{folder}/{file}"
            );
        }
        assert!(
            root.join("exercises/solutions")
                .join(folder)
                .join("src/main.rs")
                .is_file(),
            "solutions/{folder}"
        );
    }
    for lang in ["ko", "en"] {
        let book = root.join("book").join(lang).join("src");
        let in_order = |text: &str| -> Vec<String> {
            let mut found: Vec<(usize, String)> = listed
                .iter()
                .filter_map(|folder| {
                    text.find(&format!("{folder}.md"))
                        .map(|at| (at, folder.clone()))
                })
                .collect();
            found.sort();
            found.into_iter().map(|(_, folder)| folder).collect()
        };
        let summary = std::fs::read_to_string(book.join("SUMMARY.md")).expect("SUMMARY.md");
        assert_eq!(in_order(&summary), listed, "{lang} SUMMARY.md");
        let index = std::fs::read_to_string(book.join("exercises/index.md")).expect("index.md");
        assert_eq!(in_order(&index), listed, "{lang} exercises/index.md");
        for folder in &listed {
            assert!(
                book.join("exercises")
                    .join(format!("{folder}.md"))
                    .is_file(),
                "{lang}: {folder}.md"
            );
        }
    }
}
