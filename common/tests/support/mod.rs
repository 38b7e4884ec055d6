//! What the single-threaded test programs share: a runner that checks no child is left behind.

/// This process's live (or zombie) children, from `/proc`.
pub fn children() -> Vec<u32> {
    let me = std::process::id();
    let path = format!("/proc/{me}/task/{me}/children");
    let text = std::fs::read_to_string(path).expect("read /proc children");
    text.split_whitespace()
        .map(|pid| pid.parse().expect("a pid"))
        .collect()
}

/// Runs each test on the main thread (fork needs a single thread), checks that it left no child
/// process, and prints the closing line cargo's test runners print.
pub fn run_all(tests: &[(&str, fn())]) {
    for (name, test) in tests {
        // A test that hangs (a receive that never returns) is ended by SIGALRM, not left waiting.
        nix::unistd::alarm::set(120);
        test();
        nix::unistd::alarm::cancel();
        let left = children();
        assert!(left.is_empty(), "{name}: children left behind: {left:?}");
        println!("test {name} ... ok");
    }
    println!("\ntest result: ok. {} passed; 0 failed", tests.len());
}
