//! What the single-threaded test programs share: a libtest-style runner (`libtest-mimic`) that runs
//! every test on the main thread (fork needs a single thread) and checks that it left no child.

/// This process's live (or zombie) children, from `/proc`, but its fork server (`forkserver`
/// start method), which stays from the first start to the end of the program, as Python's does.
pub fn children() -> Vec<u32> {
    let me = std::process::id();
    let path = format!("/proc/{me}/task/{me}/children");
    let text = std::fs::read_to_string(path).expect("read /proc children");
    text.split_whitespace()
        .map(|pid| pid.parse().expect("a pid"))
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .map_or(true, |comm| comm.trim_end() != "forkserver")
        })
        .collect()
}

/// Runs this test binary again as a helper parent: `var=role` (and `env`) in its environment;
/// returns it and the PIDs it printed on its first line. Its stderr goes nowhere: a child left
/// behind by a broken build must not hold the test runner's stderr open (it would wait for it).
#[allow(dead_code)] // not every test program has helpers
pub fn run_helper(
    var: &str,
    role: &str,
    env: &[(&str, &std::path::Path)],
) -> (std::process::Child, Vec<u32>) {
    use std::io::BufRead;
    let mut child = std::process::Command::new(std::env::current_exe().expect("current exe"))
        .env(var, role)
        .envs(env.iter().copied())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start the helper");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read pids");
    let pids = line
        .split_whitespace()
        .map(|pid| pid.parse().expect("pid"))
        .collect();
    (child, pids)
}

/// A pool started by `method` whose fork server is killed while the program waits in `get` for
/// a 30 s task: the wait ends with `ServerDied` (the replies' channel closes as the server and
/// its workers die), long before the task could have ended, and no pool process is left.
#[allow(dead_code)] // for the pool's tests and the start methods' ones
pub fn a_killed_pool_server_fails_a_waiting_get(method: common::process::StartMethod) {
    use common::pool::{Pool, PoolError};
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    use std::time::{Duration, Instant};
    fn sleep_ms(ms: u64) -> u64 {
        std::thread::sleep(Duration::from_millis(ms));
        ms
    }
    let pool = Pool::builder()
        .processes(1)
        .start_method(method)
        .build()
        .expect("start");
    let worker = pool.worker_pids()[0];
    let stat = std::fs::read_to_string(format!("/proc/{worker}/stat")).expect("the worker");
    let server: i32 = stat
        .rsplit_once(") ")
        .expect("stat")
        .1
        .split(' ')
        .nth(1)
        .expect("ppid")
        .parse()
        .expect("a pid");
    let later = pool.apply_async(sleep_ms, 30_000).expect("apply_async");
    let killer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        kill(Pid::from_raw(server), Signal::SIGKILL).expect("kill the server");
    });
    let started = Instant::now();
    let got = later.get();
    killer.join().expect("the killer");
    assert!(
        matches!(got, Err(PoolError::ServerDied)),
        "{method:?}: {got:?}"
    );
    // A wide margin: the task alone takes 30 s.
    assert!(started.elapsed() < Duration::from_secs(15), "{method:?}");
    drop(pool);
    for pid in [server, worker as i32] {
        let _ = nix::sys::wait::waitpid(Pid::from_raw(pid), None);
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::path::Path::new(&format!("/proc/{pid}")).exists() {
            assert!(
                Instant::now() < deadline,
                "{method:?}: pool process {pid} lives on"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// The tests of a program, each named after its function:
/// `tests![exitcode_is_0_after_success, ...]`.
#[macro_export]
macro_rules! tests {
    ($($test:path),* $(,)?) => {
        vec![$((stringify!($test), $test as fn())),*]
    };
}

/// Runs the tests as `cargo test` runs its own (filters, `--list`, `--exact`, every failure
/// reported), one at a time on the main thread. A test that hangs (a receive that never returns)
/// is ended by SIGALRM, not left waiting; one that leaves a child behind fails.
pub fn run(tests: Vec<(&'static str, fn())>) -> std::process::ExitCode {
    let mut args = libtest_mimic::Arguments::from_args();
    args.test_threads = Some(1);
    let trials = tests
        .into_iter()
        .map(|(name, test)| {
            libtest_mimic::Trial::test(name, move || {
                let outcome = {
                    let _alarm = Alarm::set(120);
                    std::panic::catch_unwind(test)
                };
                // Whatever the outcome, the next test starts with no child of this one.
                let left = children();
                for &pid in &left {
                    let pid = nix::unistd::Pid::from_raw(pid as i32);
                    let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
                    let _ = nix::sys::wait::waitpid(pid, None);
                }
                match outcome {
                    Err(panic) => std::panic::resume_unwind(panic),
                    Ok(()) if left.is_empty() => Ok(()),
                    Ok(()) => Err(format!("children left behind: {left:?}").into()),
                }
            })
        })
        .collect();
    libtest_mimic::run(&args, trials).exit_code()
}

/// SIGALRM after some seconds, cancelled when dropped (also when the test panics).
struct Alarm;

impl Alarm {
    fn set(seconds: u32) -> Alarm {
        nix::unistd::alarm::set(seconds);
        Alarm
    }
}

impl Drop for Alarm {
    fn drop(&mut self) {
        nix::unistd::alarm::cancel();
    }
}
