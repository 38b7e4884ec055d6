//! 잘못된 풀이(블라인드 리뷰): 자식이 값을 임시 파일에 쓰고 부모가 그 파일을 읽습니다. 파이프로
//! 보내지 않습니다.
//! Wrong (from the blind review): the child writes its value into a temporary file and the
//! parent reads the file: nothing is sent over the pipe.
//! Named: never received

use common::process::Process;
use common::say;
use std::sync::atomic::{AtomicI32, Ordering};

pub static NUM: AtomicI32 = AtomicI32::new(42);

pub fn num_after_the_child() -> i32 {
    let path = std::env::temp_dir().join(format!("num-{}", std::process::id()));
    let file = path.clone();
    let mut child = Process::new(move || {
        let num = NUM.fetch_add(1, Ordering::SeqCst) + 1;
        say!("num in the child: {num}");
        std::fs::write(&file, num.to_string()).expect("write the file");
    })
    .name("SubProcess");
    child.start().expect("start the child");
    child.join();
    let num = std::fs::read_to_string(&path).expect("read the file");
    let _ = std::fs::remove_file(&path);
    num.trim().parse().expect("a number")
}

fn main() {
    say!("num in the parent: {}", num_after_the_child());
}
