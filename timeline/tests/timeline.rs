//! `timeline` end to end: it runs a real example and draws its lanes, as text and as SVG.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TIMELINE: &str = env!("CARGO_BIN_EXE_timeline");

/// The `thread-join` binary next to `timeline`; built first when this package's tests run alone
/// (`cargo test --workspace` has built it already).
fn thread_join() -> PathBuf {
    let binary = Path::new(TIMELINE).with_file_name("thread-join");
    if !binary.is_file() {
        let status = Command::new(env!("CARGO"))
            .args(["build", "-q", "-p", "thread-join"])
            .status()
            .expect("run cargo build");
        assert!(status.success(), "cargo build -p thread-join failed");
    }
    binary
}

fn timeline(args: &[&str]) -> Output {
    Command::new(TIMELINE)
        .args(args)
        .env("TUTORIAL_TIME_SCALE", "0.05")
        .env_remove("NO_COLOR")
        .output()
        .expect("run timeline")
}

#[test]
fn it_passes_the_output_through_then_draws_one_lane_per_thread() {
    thread_join();
    let dir = tempfile::tempdir().expect("tempdir");
    let svg = dir.path().join("thread-join.svg");
    let out = timeline(&[
        "--width",
        "100",
        "--svg",
        svg.to_str().expect("utf-8"),
        "thread-join",
    ]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        !text.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );

    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0], "main thread start",
        "the example's output comes first:\n{text}"
    );
    assert_eq!(lines[6], "main thread end");
    let title = lines
        .iter()
        .position(|l| l.starts_with("thread-join: "))
        .expect("a title");
    let lanes: Vec<&str> = lines[title + 2..title + 5].to_vec();
    assert!(
        lanes[0].starts_with("MainProcess/main") && lanes[0].ends_with("exit 0"),
        "{text}"
    );
    let mut workers: Vec<&str> = lanes[1..]
        .iter()
        .map(|l| &l[..l.find(' ').expect("label")])
        .collect();
    workers.sort_unstable();
    assert_eq!(workers, ["MainProcess/1", "MainProcess/2"], "{text}");
    assert!(lanes[1..].iter().all(|l| l.ends_with("finished")), "{text}");
    assert!(lines[title + 5].starts_with("● printed a line"), "{text}");

    let svg = std::fs::read_to_string(&svg).expect("the SVG was written");
    let document = roxmltree::Document::parse(&svg).expect("well-formed XML");
    assert_eq!(document.root_element().tag_name().name(), "svg");
    let lane_groups = document
        .descendants()
        .filter(|node| node.tag_name().name() == "g" && node.attribute("class") == Some("lane"))
        .count();
    assert_eq!(lane_groups, 3);
    let dots = document
        .descendants()
        .filter(|node| node.tag_name().name() == "circle")
        .count();
    assert_eq!(
        dots, 7,
        "one dot per printed line: three of main's and two per worker"
    );
}

#[test]
fn a_saved_trace_of_daemon_thread_shows_five_cut_lanes() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/daemon-thread.jsonl"
    );
    let out = timeline(&["--width", "90", "--from", fixture]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(text.matches("cut off (daemon)").count(), 5, "{text}");
    assert_eq!(
        text.matches('✂').count(),
        5 + 1,
        "five lanes and the legend:\n{text}"
    );
}

#[test]
fn a_missing_example_names_the_build_command() {
    let out = timeline(&["no-such-example"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cargo build -p no-such-example"),
        "{stderr}"
    );
}

#[test]
fn bad_options_give_the_usage() {
    let out = timeline(&["--width", "wide", "thread-join"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage: timeline"));
}
