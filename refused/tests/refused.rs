//! Every case in `refused/cases/` is refused by the real compiler as recorded: the same error codes
//! at the same places, with the same principal messages (the rest of rustc's text may change from
//! one release to the next; `REFUSED_RECORD=1 cargo test -p refused` records it anew). The last
//! case compiles, and its run prints what the workspace refuses at run time.
//!
//! The cases are compiled with one `rustc` call each against this package's dependencies, which
//! cargo has already built for this test (the newest `libcommon-*.rlib` beside the test binary,
//! and its own dependencies by their exact hashes): no nested cargo, no second build of `common`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("cases")
}

fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .expect("read refused/cases")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.join("case.rs").is_file())
        .collect();
    cases.sort();
    cases
}

fn name(case: &Path) -> &str {
    case.file_name().and_then(|n| n.to_str()).expect("a name")
}

/// Where cargo put this test's dependencies: beside the test binary.
fn deps_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary");
    exe.parent().expect("target/debug/deps").to_owned()
}

/// The `common` this test was built with: the newest `libcommon-*.rlib` in the deps folder.
fn common_rlib() -> PathBuf {
    std::fs::read_dir(deps_dir())
        .expect("read the deps folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("libcommon-") && n.ends_with(".rlib"))
        })
        .max_by_key(|path| std::fs::metadata(path).and_then(|m| m.modified()).ok())
        .expect("libcommon-*.rlib beside the test binary")
}

/// `rustc` on a case, run in its folder so that messages name `case.rs`. `emit` is `metadata`
/// (check only, for the refused cases) or `link` (a program to run).
fn rustc(case: &Path, emit: &str, out: &Path) -> Output {
    Command::new(std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into()))
        .current_dir(case)
        .args([
            "--edition",
            "2024",
            "--crate-type",
            "bin",
            "--crate-name",
            "case",
        ])
        .args(["-A", "warnings", "--color", "never"])
        .arg(format!("--emit={emit}"))
        .arg("-o")
        .arg(out)
        .arg("-L")
        .arg(format!("dependency={}", deps_dir().display()))
        .arg("--extern")
        .arg(format!("common={}", common_rlib().display()))
        .arg("case.rs")
        .output()
        .expect("run rustc")
}

/// One error of rustc's output: its code, its principal message and where it points.
#[derive(Debug, PartialEq, Eq)]
struct Refusal {
    code: String,
    message: String,
    place: String,
}

fn refusals(stderr: &str) -> Vec<Refusal> {
    let mut found = Vec::new();
    let mut lines = stderr.lines();
    while let Some(line) = lines.next() {
        let Some(rest) = line.strip_prefix("error[") else {
            continue;
        };
        let (code, message) = rest.split_once("]: ").expect("error[CODE]: message");
        let place = lines
            .by_ref()
            .find_map(|l| l.trim_start().strip_prefix("--> "))
            .unwrap_or("")
            .to_owned();
        found.push(Refusal {
            code: code.to_owned(),
            message: message.to_owned(),
            place,
        });
    }
    found
}

fn recording() -> bool {
    std::env::var_os("REFUSED_RECORD").is_some()
}

#[test]
fn every_case_is_refused_as_recorded() {
    let out = tempfile::tempdir().expect("a temporary folder");
    let mut failures = Vec::new();
    for case in cases().iter().filter(|c| !c.join("output.txt").exists()) {
        let result = rustc(case, "metadata", &out.path().join("case.rmeta"));
        let stderr = String::from_utf8_lossy(&result.stderr).into_owned();
        let recorded_path = case.join("rustc.stderr");
        if recording() {
            std::fs::write(&recorded_path, &stderr).expect("write rustc.stderr");
        }
        let recorded = std::fs::read_to_string(&recorded_path).unwrap_or_default();
        let (now, then) = (refusals(&stderr), refusals(&recorded));
        if result.status.success() {
            failures.push(format!("{}: compiled, but it must be refused", name(case)));
        } else if then.is_empty() {
            failures.push(format!("{}: rustc.stderr records no error", name(case)));
        } else if now != then {
            failures.push(format!(
                "{}: refused otherwise than recorded\nnow: {now:#?}\nrecorded: {then:#?}\n{stderr}",
                name(case)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_run_time_refusals_print_as_recorded() {
    let out = tempfile::tempdir().expect("a temporary folder");
    for case in cases().iter().filter(|c| c.join("output.txt").exists()) {
        let program = out.path().join(name(case));
        let build = rustc(case, "link", &program);
        assert!(
            build.status.success(),
            "{}: does not build\n{}",
            name(case),
            String::from_utf8_lossy(&build.stderr)
        );
        let run = Command::new(&program).output().expect("run the case");
        let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
        let text = format!("$ {}\n{stdout}", name(case));
        if recording() {
            std::fs::write(case.join("output.txt"), &text).expect("write output.txt");
        }
        assert!(run.status.success(), "{}: {}", name(case), run.status);
        let recorded = std::fs::read_to_string(case.join("output.txt")).expect("output.txt");
        assert_eq!(
            text,
            recorded,
            "{}: prints otherwise than recorded",
            name(case)
        );
    }
}

/// The example a case's README names as its fix: the first `` `package` `` on its `**Fix:**`
/// line.
fn fixes(case: &Path) -> Vec<String> {
    let readme = std::fs::read_to_string(case.join("README.md")).expect("README.md");
    readme
        .lines()
        .filter_map(|line| line.strip_prefix("**Fix:**"))
        .filter_map(|line| line.split('`').nth(1).map(str::to_owned))
        .collect()
}

#[test]
fn every_case_explains_itself_in_both_languages_and_names_a_fix_that_builds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for case in cases() {
        let readme = std::fs::read_to_string(case.join("README.md"))
            .unwrap_or_else(|_| panic!("{} has no README.md", name(&case)));
        for heading in ["## Python", "## 왜 거절하나", "## Why it is refused"] {
            assert!(readme.contains(heading), "{}: no {heading:?}", name(&case));
        }
        let fixes = fixes(&case);
        assert!(!fixes.is_empty(), "{}: names no fix", name(&case));
        for fix in fixes {
            // A member of this workspace: `cargo test --workspace` builds it and runs its tests.
            let found = std::fs::read_dir(&root)
                .expect("read the workspace")
                .map(|e| e.expect("entry").path())
                .any(|dir| dir.join(&fix).join("src/main.rs").is_file());
            assert!(found, "{}: the fix {fix} is not an example", name(&case));
        }
    }
}
