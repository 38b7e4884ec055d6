//! `gui-queue` in a real window, on a virtual X display (Xvfb).
//!
//! Outside CI, when Xvfb is not installed, the test says so and passes without running; in CI
//! (`CI` set) a missing Xvfb is a failure. `.ci/run` installs it.

use harness::{Example, Kind, Signal};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// An Xvfb server on a free display, stopped when dropped.
struct VirtualDisplay {
    server: Child,
    name: String,
}

impl VirtualDisplay {
    fn start() -> Option<VirtualDisplay> {
        for number in 90..190 {
            if Path::new(&format!("/tmp/.X11-unix/X{number}")).exists() {
                continue;
            }
            let name = format!(":{number}");
            let server = Command::new("Xvfb")
                .args([&name, "-screen", "0", "640x480x24", "-nolisten", "tcp"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn();
            let Ok(mut server) = server else { return None };
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                if Path::new(&format!("/tmp/.X11-unix/X{number}")).exists() {
                    return Some(VirtualDisplay { server, name });
                }
                if server.try_wait().ok().flatten().is_some() {
                    break; // another test took this display first: try the next one
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = server.kill();
            let _ = server.wait();
        }
        panic!("Xvfb could not start on any display from :90 to :189");
    }
}

impl Drop for VirtualDisplay {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

/// Unique colours in a screenshot of the whole display (1 for an empty black screen).
fn screenshot_colours(display: &str, png: &Path) -> usize {
    let capture = format!(
        "xwd -root -silent -display {display} | /usr/bin/convert xwd:- png:{}",
        png.display()
    );
    let status = Command::new("sh")
        .args(["-c", &capture])
        .status()
        .expect("run xwd | convert");
    assert!(status.success(), "the screenshot failed: {capture}");
    let output = Command::new("/usr/bin/convert")
        .args([
            png.as_os_str(),
            "-format".as_ref(),
            "%k".as_ref(),
            "info:".as_ref(),
        ])
        .output()
        .expect("run convert");
    String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .expect("a colour count")
}

#[test]
fn the_window_shows_timestamps_and_takes_the_producer_with_it() {
    if std::env::var_os("CI").is_none() && Command::new("Xvfb").arg("-help").output().is_err() {
        eprintln!("skipped: Xvfb is not installed (apt-get install xvfb x11-apps imagemagick)");
        return;
    }
    let display = VirtualDisplay::start().expect("Xvfb is installed");
    // Scale 0.2: a timestamp every 200 ms.
    let running = Example::new(env!("CARGO_BIN_EXE_gui-queue"))
        .scale(0.2)
        .env("DISPLAY", &display.name)
        .spawn();

    let two_timestamps = |events: &[harness::Event]| {
        let shown: BTreeSet<&str> = events
            .iter()
            .filter(|e| e.kind == Kind::Handoff)
            .map(|e| e.msg.as_str())
            .collect();
        shown.len() >= 2
    };
    assert!(
        running.wait_for_trace(Duration::from_secs(30), two_timestamps),
        "the consumer handed over fewer than two timestamps in 30 s: {:#?}",
        running.events()
    );

    // The window may be mapped and painted a little after the first items arrive: take
    // screenshots until one shows it, for up to 30 s.
    let dir = tempfile::tempdir().expect("tempdir");
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut colours = screenshot_colours(&display.name, &dir.path().join("window.png"));
    while colours <= 2 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
        colours = screenshot_colours(&display.name, &dir.path().join("window.png"));
    }
    assert!(
        colours > 2,
        "every screenshot for 30 s was blank ({colours} colours)"
    );

    running.signal(Signal::SIGTERM);
    let run = running.wait();
    run.assert_signal(15);
    run.assert_stdout(&["producer"]);
    run.assert_process(harness::exact("producer"), "producer");
    let producer = run.event(harness::exact("producer"));
    assert_eq!(producer.ppid, run.pid);
    // The handoffs came from the consumer thread of the window's process.
    for handoff in run.events_of_kind(Kind::Handoff) {
        assert_eq!(
            (handoff.pid, handoff.thread.as_str()),
            (run.pid, "consumer")
        );
        assert_eq!(
            handoff.msg.len(),
            "2022-10-23 12:00:00.000000".len(),
            "{handoff:?}"
        );
    }
    run.assert_no_process_left();
    harness::checks::assert_matches_recording(&run, env!("CARGO_MANIFEST_DIR"), Default::default());

    // The same end by SIGINT (Ctrl-C) and by SIGKILL, which no handler sees: the producer goes
    // too (the kernel's parent-death signal), within a second.
    for signal in [Signal::SIGINT, Signal::SIGKILL] {
        let running = Example::new(env!("CARGO_BIN_EXE_gui-queue"))
            .scale(0.2)
            .env("DISPLAY", &display.name)
            .spawn();
        assert!(
            running.wait_for_trace(Duration::from_secs(30), two_timestamps),
            "{signal:?}: no timestamps"
        );
        running.signal(signal);
        let run = running.wait();
        run.assert_signal(signal as i32);
        for pid in run.pids() {
            assert!(
                harness::reap::wait_gone(pid, Duration::from_secs(1)),
                "{signal:?}: {pid} left behind"
            );
        }
    }
}
