//! 검사기가 연습 35의 `greet_in_a_child(greeting)`를 자기 인사말로 부르고, 자식은 `spawn`으로
//! 시작합니다. 호출하는 동안에는 이 프로세스와 자식이 파일을 쓰지 못하게 막습니다(Landlock).
//! The checker calls exercise 35's `greet_in_a_child(greeting)` with a greeting of its own, its
//! children started by `spawn`, and forbids this process and its children to write files
//! meanwhile (Landlock).

#[allow(dead_code)]
#[path = "../35-pass-it-along/src/main.rs"]
mod learner;

use common::process::{StartMethod, set_start_method};

fn main() {
    common::init();
    set_start_method(StartMethod::Spawn).expect("the start method");
    let [n]: [u64; 1] = check_protocol::numbers();
    // 인사말은 타깃의 인자로만 건너가야 함: 이 프로세스와 자식은 이제부터 파일을 쓸 수 없음
    // (trace와 /dev/null만 빼고). 임시 파일로 넘기면 그 파일을 열 때 Permission denied.
    // The greeting must travel as the target's argument: from here on this process and its
    // children write no file but the trace and /dev/null; a temp file fails to open.
    common::trace::begin();
    let trace = std::env::var_os("TUTORIAL_TRACE").map(std::path::PathBuf::from);
    let mut except = vec![std::path::Path::new("/dev/null")];
    except.extend(trace.as_deref());
    match check_protocol::sandbox::forbid_writing_files(&except) {
        Ok(true) => {}
        // Landlock이 없는 커널: 막지 못한 채로 검사함.
        // A kernel without Landlock: checked without it.
        Ok(false) => eprintln!(
            "note: this kernel has no Landlock: the checker cannot forbid writing files, so a \
             greeting passed through a file is not refused here"
        ),
        Err(error) => {
            eprintln!("error: the checker cannot forbid writing files: {error}");
            std::process::exit(2);
        }
    }
    learner::greet_in_a_child(&format!("greeting number {n}"));
}
