//! 가상 X 디스플레이(Xvfb) 위의 진짜 창에서 돌리는 `gui-queue`.
//! `gui-queue` in a real window, on a virtual X display (Xvfb).
//!
//! CI 밖에서 Xvfb나 xwd가 설치되어 있지 않으면 `cargo test`는 이 테스트를 ignored로 알리고 무엇을
//! 설치할지 알려 줍니다. CI에서는(`CI`가 설정되어 있으면) Xvfb가 없는 것이 실패입니다. `.ci/run`이
//! 둘 다 설치합니다. 따로 떨어진 테스트인 까닭(`harness = false`): libtest의 `#[ignore]`는 실행 중에
//! 정할 수 없습니다.
//! Outside CI, when Xvfb or xwd is not installed, `cargo test` reports the test as ignored and
//! names what to install; in CI (`CI` set) a missing Xvfb is a failure. `.ci/run` installs both.
//! A test of its own (`harness = false`): libtest's `#[ignore]` cannot be decided at run time.

use harness::{Example, Kind, Signal};
use nix::sys::signal::kill;
use nix::unistd::Pid;
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
            if !display_free(number) {
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

/// Whether display `number` is free: no lock file, or one whose server is gone (then its stale
/// lock and socket are removed, or the socket would pass for a new server's).
fn display_free(number: u32) -> bool {
    let lock = format!("/tmp/.X{number}-lock");
    let socket = format!("/tmp/.X11-unix/X{number}");
    let Ok(text) = std::fs::read_to_string(&lock) else {
        return !Path::new(&socket).exists();
    };
    let alive = text
        .trim()
        .parse::<i32>()
        .is_ok_and(|pid| kill(Pid::from_raw(pid), None).is_ok());
    if alive {
        return false;
    }
    let _ = std::fs::remove_file(&lock);
    let _ = std::fs::remove_file(&socket);
    true
}

impl Drop for VirtualDisplay {
    /// SIGTERM, so that Xvfb removes its lock and socket (a SIGKILLed one leaves them, and a
    /// hundred runs would use up every display); SIGKILL if it has not ended in 5 s.
    fn drop(&mut self) {
        let _ = kill(Pid::from_raw(self.server.id() as i32), Signal::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if self.server.try_wait().ok().flatten().is_some() {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

/// Unique colours in a screenshot of the whole display (1 for an empty black screen), read from
/// `xwd`'s dump: a header of big-endian 32-bit fields, a colour map, then the pixels.
fn screenshot_colours(display: &str) -> usize {
    let dump = Command::new("xwd")
        .args(["-root", "-silent", "-display", display])
        .output()
        .expect("run xwd");
    assert!(dump.status.success(), "xwd failed: {dump:?}");
    xwd_colours(&dump.stdout).unwrap_or_else(|e| panic!("xwd's dump: {e}"))
}

fn xwd_colours(dump: &[u8]) -> Result<usize, String> {
    let field = |i: usize| -> Result<usize, String> {
        let bytes = dump.get(i * 4..i * 4 + 4).ok_or("a short header")?;
        Ok(u32::from_be_bytes(bytes.try_into().expect("four bytes")) as usize)
    };
    // XWDFileHeader: 0 header_size, 2 pixmap_format (2 = ZPixmap), 4 width, 5 height,
    // 11 bits_per_pixel, 12 bytes_per_line, 19 ncolors; each colour map entry takes 12 bytes.
    let (format, bits, line) = (field(2)?, field(11)?, field(12)?);
    if format != 2 || !(bits == 24 || bits == 32) {
        return Err(format!(
            "format {format} with {bits} bits per pixel: expected ZPixmap, 24 or 32"
        ));
    }
    let pixels = field(0)? + field(19)? * 12;
    let rows = dump
        .get(pixels..pixels + field(5)? * line)
        .ok_or("fewer pixels than the header says")?;
    let row_bytes = field(4)? * bits / 8;
    // A pixel's bytes as they are: the same colour is the same bytes, whatever the byte order.
    let colours: BTreeSet<&[u8]> = rows
        .chunks_exact(line)
        .flat_map(|row| row[..row_bytes].chunks_exact(bits / 8))
        .collect();
    Ok(colours.len())
}

fn main() -> std::process::ExitCode {
    let args = libtest_mimic::Arguments::from_args();
    let test = libtest_mimic::Trial::ignorable_test(
        "the_window_shows_timestamps_and_takes_the_producer_with_it",
        || {
            // Reported as ignored, with why, where the virtual display cannot run (in CI, never).
            let installed = |tool: &str| Command::new(tool).arg("-help").output().is_ok();
            if std::env::var_os("CI").is_none() && !(installed("Xvfb") && installed("xwd")) {
                return Ok(libtest_mimic::Completion::ignored_with(
                    "needs Xvfb and xwd: apt-get install xvfb x11-apps",
                ));
            }
            the_window_shows_timestamps_and_takes_the_producer_with_it();
            Ok(libtest_mimic::Completion::Completed)
        },
    );
    libtest_mimic::run(&args, vec![test]).exit_code()
}

fn the_window_shows_timestamps_and_takes_the_producer_with_it() {
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
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut colours = screenshot_colours(&display.name);
    while colours <= 2 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
        colours = screenshot_colours(&display.name);
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
