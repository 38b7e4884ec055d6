//! An example's recorded output (`output.txt`) and its Python twin's: a run must match them,
//! PIDs and the orders nothing guarantees aside.

use crate::Run;

/// Masks what changes from run to run: every number of three or more digits (PIDs, counts of
/// the size given), or, with `all_numbers`, every number (measured times).
pub fn mask(line: &str, all_numbers: bool) -> String {
    let line = &mask_shm_names(line);
    let mut out = String::with_capacity(line.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        if digits.len() >= 3 || (all_numbers && !digits.is_empty()) {
            out.push('#');
        } else {
            out.push_str(digits);
        }
        digits.clear();
    };
    for c in line.chars() {
        if c.is_ascii_digit() || (all_numbers && c == '.' && !digits.is_empty()) {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}

/// Shared memory's random names (`psm_` and hex digits, as Python makes them) become `psm_#`.
fn mask_shm_names(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("psm_") {
        out.push_str(&rest[..at + 4]);
        rest = &rest[at + 4..];
        let hex = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_hexdigit())
                .len();
        if hex > 0 {
            out.push('#');
            rest = &rest[hex..];
        }
    }
    out.push_str(rest);
    out
}

/// What a recording (`output.txt`) of an example holds: the command, then the lines it printed.
pub fn recording(manifest_dir: &str) -> (String, Vec<String>) {
    // A run under another start method (`TUTORIAL_START_METHOD`, which the run inherits) is
    // compared with that method's recording where the example has one.
    let method = std::env::var("TUTORIAL_START_METHOD").unwrap_or_default();
    let per_method = std::path::Path::new(manifest_dir).join(format!("output.{method}.txt"));
    let path = if !method.is_empty() && method != "fork" && per_method.exists() {
        per_method
    } else {
        std::path::Path::new(manifest_dir).join("output.txt")
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (make it with scripts/record-outputs)",
            path.display()
        )
    });
    let mut lines = text.lines().map(str::to_owned);
    let command = lines.next().unwrap_or_default();
    assert!(
        command.starts_with("$ "),
        "{}: the first line must be the command",
        path.display()
    );
    (command, lines.collect())
}

/// How to compare a run with an example's recording; `Recording::default()` is the strict case.
#[derive(Debug, Clone, Copy, Default)]
pub struct Recording<'a> {
    /// Mask every number, not only those of three or more digits (lines that report times).
    pub all_numbers: bool,
    /// Words whose value depends on timing (`True` or `False` right after a `kill`): masked.
    pub volatile: &'a [&'a str],
    /// Lines that may or may not be printed (a daemon that may start before it is terminated).
    pub optional: &'a [&'a str],
    /// Compare which lines appear, not how often (a loop whose count depends on timing).
    pub as_set: bool,
    /// `(earlier, later)`: orders the program guarantees, which the recording must show too.
    pub orders: &'a [(&'a str, &'a str)],
}

impl Recording<'_> {
    fn normalize(&self, lines: &[String]) -> Vec<String> {
        let mut out: Vec<String> = lines
            .iter()
            .filter(|line| !self.optional.iter().any(|o| line.contains(o)))
            .map(|line| {
                let mut line = mask(line, self.all_numbers);
                for word in self.volatile {
                    line = line.replace(word, "~");
                }
                line
            })
            .collect();
        out.sort();
        if self.as_set {
            out.dedup();
        }
        out
    }
}

/// The example's `output.txt` is a true recording: a run now prints the same lines, once what
/// changes from run to run is masked (see [`mask`] and [`Recording`]), compared as multisets (the
/// order of lines the program does not order may differ); and each order the program guarantees
/// holds in the recording too. A printed line changed without re-recording fails here.
#[track_caller]
pub fn assert_matches_recording(run: &Run, manifest_dir: &str, how: Recording<'_>) {
    let (command, recorded) = recording(manifest_dir);
    let package = std::path::Path::new(manifest_dir)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("?");
    if !command.contains(package) {
        run.fail(&format!(
            "{package}/output.txt records another command: {command}"
        ));
    }
    let (now, then) = (how.normalize(&run.stdout), how.normalize(&recorded));
    if now != then {
        let missing: Vec<&String> = then.iter().filter(|l| !now.contains(l)).collect();
        let new: Vec<&String> = now.iter().filter(|l| !then.contains(l)).collect();
        run.fail(&format!(
            "{package}/output.txt no longer matches what it prints (re-record: scripts/record-outputs {package})\n\
             recorded only: {missing:?}\nprinted only: {new:?}\n(or printed a different number of times)"
        ));
    }
    for (earlier, later) in how.orders {
        let first_later = recorded.iter().position(|l| l.contains(later));
        let last_earlier = recorded.iter().rposition(|l| l.contains(earlier));
        match (last_earlier, first_later) {
            (Some(a), Some(b)) if a < b => {}
            _ => run.fail(&format!(
                "{package}/output.txt: expected every {earlier:?} before every {later:?} in the recording:\n{recorded:#?}"
            )),
        }
    }
}

/// How an example's output compares with its Python twin's (`python/<package>.py`, recorded in
/// `python-output.txt`): every number is masked (counts that depend on luck, times, PIDs), the
/// lines only one side prints are left out, and the rest must be the same lines, in any order.
#[derive(Debug, Clone, Copy, Default)]
pub struct Twin<'a> {
    /// Lines only the Rust prints (a way Python has no word for, such as `fetch_add`).
    pub rust_only: &'a [&'a str],
    /// Lines only the Python prints.
    pub python_only: &'a [&'a str],
    /// Lines that either may or may not print (a race).
    pub optional: &'a [&'a str],
    /// Compare which lines appear, not how often.
    pub as_set: bool,
}

impl Twin<'_> {
    fn normalize(&self, lines: &[String], only: &[&str]) -> Vec<String> {
        let mut out: Vec<String> = lines
            .iter()
            .filter(|line| !only.iter().chain(self.optional).any(|o| line.contains(o)))
            .map(|line| mask(line, true))
            .collect();
        out.sort();
        if self.as_set {
            out.dedup();
        }
        out
    }
}

/// The recorded output of the example's Python twin: `python-output.txt`'s lines after its
/// command line.
fn python_recording(manifest_dir: &str) -> Vec<String> {
    let path = std::path::Path::new(manifest_dir).join("python-output.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (make it with scripts/record-outputs)",
            path.display()
        )
    });
    text.lines().skip(1).map(str::to_owned).collect()
}

/// The Rust run prints what the Python twin's recording shows, as [`Twin`] compares them.
#[track_caller]
pub fn assert_twin_agrees(run: &Run, manifest_dir: &str, how: Twin<'_>) {
    let python = how.normalize(&python_recording(manifest_dir), how.python_only);
    let rust = how.normalize(&run.stdout, how.rust_only);
    if python != rust {
        run.fail(&format!(
            "the Rust and its Python twin (python-output.txt) print different lines:\n\
             Python only: {:?}\nRust only: {:?}",
            python
                .iter()
                .filter(|l| !rust.contains(l))
                .collect::<Vec<_>>(),
            rust.iter()
                .filter(|l| !python.contains(l))
                .collect::<Vec<_>>()
        ));
    }
}

/// Runs the Python twin (`python3 python/<package>.py`, at the test scale) and checks that
/// `python-output.txt` is a true recording of it. Where `python3` (3.11 or newer) is missing it
/// says so and checks nothing, except in CI, where that fails.
#[track_caller]
pub fn assert_python_recording_true(manifest_dir: &str, how: Twin<'_>) {
    let dir = std::path::Path::new(manifest_dir);
    let package = dir.file_name().and_then(|n| n.to_str()).unwrap_or("?");
    let version = std::process::Command::new("python3")
        .args(["-c", "import sys; print(sys.version_info >= (3, 11))"])
        .output();
    if !version.is_ok_and(|v| v.stdout.starts_with(b"True")) {
        assert!(
            std::env::var_os("CI").is_none(),
            "python3 (3.11 or newer) is needed in CI to run {package}'s twin"
        );
        eprintln!("not checked: python3 3.11 or newer is not on the PATH ({package}'s twin)");
        return;
    }
    let script = dir.join("python").join(format!("{package}.py"));
    let out = std::process::Command::new("timeout")
        .arg("120")
        .arg("python3")
        .arg(&script)
        .env("TUTORIAL_TIME_SCALE", crate::TEST_SCALE.to_string())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run python3");
    let stdout: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect();
    assert!(
        out.status.success(),
        "{}: {}\n{}",
        script.display(),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let (now, then) = (
        how.normalize(&stdout, &[]),
        how.normalize(&python_recording(manifest_dir), &[]),
    );
    assert_eq!(
        now, then,
        "{package}/python-output.txt no longer matches what the twin prints (re-record: scripts/record-outputs {package})"
    );
}
