//! 프로세스 스포닝(spawning) — starting a child process (notes §2).
//!
//! 실행 / Run: `cargo run -p process-spawn`
//! 눈여겨볼 점: 두 PID가 다릅니다. 진짜 두 번째 프로세스입니다. `fork`(기본값)에서는 자식의
//! "SubProcess"가 "MainProcess End" 앞에 올 수도 뒤에 올 수도 있습니다(포크는 파이썬의 프로세스 시작보다
//! 훨씬 빠릅니다). 노트처럼 `spawn`(`TUTORIAL_START_METHOD=spawn`)에서는 뒤에 옵니다. 어느 쪽이든
//! 프로그램은 파이썬처럼 자식의 "SubProcess End"를 기다립니다.
//! Notice: the two PIDs differ: a real second process. Under `fork` (the default) the child's
//! "SubProcess" may come before or after "MainProcess End" (a fork is much faster than Python's
//! process start); under `spawn` (`TUTORIAL_START_METHOD=spawn`), as in the notes, it comes after.
//! Either way the program waits for the child's "SubProcess End", as Python does.

use common::process::Process;
use common::{current_process, say, sleep_secs};

fn worker() {
    let proc = current_process();
    say!("{}", proc.name);
    say!("{}", proc.pid);
    sleep_secs(5.0);
    say!("SubProcess End");
}

fn main() {
    common::init(); // 파이썬의 if __name__ == "__main__":
    // 메인 프로세스
    // main process
    let proc = current_process();
    say!("{}", proc.name);
    say!("{}", proc.pid);

    // 프로세스 스포닝
    // process spawning
    let mut p = Process::target(worker, ()).name("SubProcess");
    p.start().expect("start SubProcess");
    say!("MainProcess End");
    // 조인하지 않습니다. 파이썬처럼, `main`이 반환한 뒤 종료 규칙이 데몬이 아닌 자식을 기다립니다.
    // No join: as in Python, the exit rule waits for the non-daemon child after `main` returns.
}
