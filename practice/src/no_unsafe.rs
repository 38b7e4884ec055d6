//! The learner's code is compiled with `unsafe` forbidden (`-F unsafe_code`), in every exercise:
//! no lesson here is `unsafe` itself, and the compiler's refusals are the lessons of several, so
//! `unsafe impl Send` on a wrapper around an `Rc` must not be a way past one.
//!
//! cargo runs `practice` itself as its `RUSTC_WORKSPACE_WRAPPER`, which it uses for the exercises'
//! own crates only, never for `common` (whose `unsafe` is the operating system's boundary) or
//! the dependencies; `practice` then runs rustc with `-F unsafe_code` added. `forbid`, unlike
//! `deny`, cannot be lifted by an `#![allow(unsafe_code)]` in the code.

use std::ffi::OsString;
use std::os::unix::process::CommandExt;
use std::process::{Command, ExitCode};

/// Set on cargo's command: the `practice` that cargo starts in rustc's place is the wrapper.
const WRAPPER: &str = "PRACTICE_AS_RUSTC";

/// What rustc says of code that `-F unsafe_code` refused.
const REFUSED: &str = "`-F unsafe-code`";

/// In a `practice` started by cargo as the wrapper: runs rustc (its first argument) with the
/// rest, and `-F unsafe_code` when it compiles a crate. `None` in any other `practice`.
pub fn wrap_rustc() -> Option<ExitCode> {
    std::env::var_os(WRAPPER)?;
    let mut args = std::env::args_os().skip(1);
    let rustc = args.next()?;
    let args: Vec<OsString> = args.collect();
    let mut command = Command::new(&rustc);
    command.args(&args);
    if args.iter().any(|arg| arg == "--crate-name") {
        command.args(["-F", "unsafe_code"]);
    }
    let error = command.exec(); // returns only if rustc could not be started
    eprintln!("error: cannot run {}: {error}", rustc.to_string_lossy());
    Some(ExitCode::from(2))
}

/// Makes `cargo` (a build of the exercises) compile the learner's crates through the wrapper.
pub fn forbid_in(cargo: &mut Command) -> std::io::Result<()> {
    // Linux names a running program's file "<path> (deleted)" once it is rebuilt (a `cargo run -p
    // practice` beside a `watch`): the new one at the path wraps rustc the same way.
    let me = std::env::current_exe()?;
    let me = match me.to_str().and_then(|path| path.strip_suffix(" (deleted)")) {
        Some(path) => path.into(),
        None => me,
    };
    cargo.env("RUSTC_WORKSPACE_WRAPPER", me).env(WRAPPER, "1");
    Ok(())
}

/// Whether rustc's `stderr` is a refusal of `unsafe`.
pub fn refused(stderr: &str) -> bool {
    stderr.contains(REFUSED)
}

/// Why, in both languages, ahead of what the compiler said.
pub const WHY: [&str; 2] = [
    "이 연습은 `unsafe` 없이 풉니다. 컴파일러가 거부한 것이 이 연습의 배울 거리입니다. \
     `unsafe impl Send`나 `unsafe impl Sync`는 컴파일러에게 \"이 타입은 다른 스레드로 보내도(함께 써도) 안전하다\"고 \
     약속하는 것인데, `Rc`의 참조 카운트나 `RefCell`의 빌림 검사는 원자적이지 않아서 그 약속을 지킬 수 없습니다. \
     여러 스레드가 값을 함께 가지려면 `Arc`, 함께 바꾸려면 `Mutex`(또는 원자적 타입)를 쓰세요.",
    "this exercise is solved without `unsafe`. What the compiler refused is the lesson. \
     `unsafe impl Send` or `unsafe impl Sync` promises the compiler that the type is safe to send \
     to (or share with) other threads, a promise an `Rc`'s count or a `RefCell`'s borrow flag \
     cannot keep: neither is atomic. To own a value from several threads use `Arc`; to change \
     it from several, a `Mutex` (or an atomic).",
];
