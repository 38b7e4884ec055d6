//! `timeline`: run an example with the trace on, then draw who ran when.
//!
//! ```text
//! cargo build -p daemon-thread && cargo run -p timeline -- daemon-thread
//! cargo run -p timeline -- --svg docs/daemon-thread.svg daemon-thread
//! cargo run -p timeline -- --from trace.jsonl
//! ```
//! The example's own output passes through first; then one lane per process and thread:
//! its span, a dot for each line it printed, and how it ended (a daemon thread or process that
//! its parent's end cut off is marked ✂). Colour when stdout is a terminal and `NO_COLOR` is
//! not set.

mod lanes;
mod svg;
mod text;

use lanes::Timeline;
use std::io::IsTerminal;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str =
    "usage: timeline [--svg FILE] [--width N] [--title TEXT] (<example> [args...] | --from TRACE)";

/// What the command line asks for.
#[derive(Debug)]
struct Options {
    svg: Option<PathBuf>,
    width: Option<usize>,
    /// The chart's title; by default the example's name or the trace file's path.
    title: Option<String>,
    source: Source,
}

#[derive(Debug)]
enum Source {
    Run { example: String, args: Vec<String> },
    File(PathBuf),
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let (mut svg, mut width, mut title) = (None, None, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--title" => title = Some(args.next().ok_or("--title needs a text")?),
            "--svg" => svg = Some(PathBuf::from(args.next().ok_or("--svg needs a file")?)),
            "--width" => {
                let value = args.next().ok_or("--width needs a number")?;
                width = Some(
                    value
                        .parse()
                        .map_err(|_| format!("--width: not a number: {value:?}"))?,
                );
            }
            "--from" => {
                let file = args.next().ok_or("--from needs a trace file")?;
                return Ok(Options {
                    svg,
                    width,
                    title,
                    source: Source::File(file.into()),
                });
            }
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => {
                let source = Source::Run {
                    example: arg,
                    args: args.collect(),
                };
                return Ok(Options {
                    svg,
                    width,
                    title,
                    source,
                });
            }
        }
    }
    Err("name an example to run, or --from a trace file".to_owned())
}

/// The example's binary: next to this one (`target/debug/`), or a path.
fn find_binary(example: &str) -> Result<PathBuf, String> {
    if example.contains('/') {
        return Ok(PathBuf::from(example));
    }
    let here = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let binary = here.with_file_name(example);
    if binary.is_file() {
        Ok(binary)
    } else {
        Err(format!(
            "no `{example}` next to timeline ({}): build it first with `cargo build -p {example}`",
            binary.display()
        ))
    }
}

/// Runs `binary` with `TUTORIAL_TRACE` set, its output passing through; its timeline.
fn run(binary: &Path, args: &[String]) -> Result<Timeline, String> {
    let dir = tempfile::tempdir().map_err(|e| format!("cannot make a temporary directory: {e}"))?;
    let trace = dir.path().join("trace.jsonl");
    let status = Command::new(binary)
        .args(args)
        .env("TUTORIAL_TRACE", &trace)
        .status()
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
    let end_ns = common::trace::monotonic_ns();
    let events = read(&trace)?;
    let exit = status.code().or(status.signal().map(|signal| -signal));
    Ok(Timeline::build(&events, Some(end_ns), exit))
}

fn read(path: &Path) -> Result<Vec<common::trace::Event>, String> {
    match common::trace::read(path) {
        Ok(events) => Ok(events),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(format!("cannot read the trace {}: {e}", path.display())),
    }
}

fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("error: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let drawn = match &options.source {
        Source::Run { example, args } => find_binary(example)
            .and_then(|binary| run(&binary, args))
            .map(|t| (t, example.clone())),
        Source::File(path) => read(path).map(|events| {
            (
                Timeline::build(&events, None, None),
                path.display().to_string(),
            )
        }),
    };
    let (timeline, title) = match drawn {
        Ok((timeline, title)) => (timeline, options.title.clone().unwrap_or(title)),
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    if timeline.lanes.is_empty() {
        eprintln!("error: the trace has no events: nothing to draw");
        return ExitCode::from(2);
    }
    let stdout = std::io::stdout();
    let colour = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let width = options
        .width
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| w.0 as usize))
        .unwrap_or(100);
    println!();
    print!(
        "{}",
        text::render(&timeline, &title, text::Style { width, colour })
    );
    if let Some(path) = &options.svg {
        if let Err(e) = std::fs::write(path, svg::render(&timeline, &title)) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
        eprintln!("wrote {}", path.display());
    }
    ExitCode::SUCCESS
}
