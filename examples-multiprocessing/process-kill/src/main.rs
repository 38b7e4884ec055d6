//! 3. 서브 프로세스 상태 확인 및 종료 — `is_alive` and `kill` (notes §2).
//!
//! 실행 / Run: `cargo run -p process-kill`
//! 눈여겨볼 점: `start` 앞에서는 False, 뒤에서는 True입니다. "sub process is running"이 다섯 줄쯤 나온
//! 뒤 `kill`이 SIGKILL을 보냅니다. 그 바로 뒤에 출력하는 상태는 대개 True이고(신호는 가는 중이고 자식은
//! 아직 죽지 않았습니다), 가끔은 벌써 False입니다. `join` 뒤에는 False입니다.
//! Notice: False before `start`, True after; about five "sub process is running" lines; then
//! `kill` sends SIGKILL. The status printed right after it is usually True (the signal is on its
//! way; the child is not dead yet), sometimes already False; after `join` it is False.

use common::process::Process;
use common::python::Py;
use common::{say, sleep_secs};

fn work() {
    loop {
        say!("sub process is running");
        sleep_secs(1.0);
    }
}

fn main() {
    common::init(); // 파이썬의 if __name__ == "__main__":
    let mut p = Process::target(work, ()).name("SubProcess");
    // `print("Status: ", ...)`는 공백 두 개와 파이썬의 `True`/`False`를 출력합니다.
    // `print("Status: ", ...)` prints two spaces, and Python's `True`/`False`.
    say!("Status:  {}", Py(p.is_alive()));
    p.start().expect("start SubProcess");
    say!("Status:  {}", Py(p.is_alive()));
    sleep_secs(5.0); // 메인 프로세스가 기다림(노트 주석은 3초, 코드는 5초) (the main process waits (the notes' comment says 3 s; the code says 5))
    p.kill(); // 서브 프로세스를 끝냄 (end the sub process)
    say!("Status:  {}", Py(p.is_alive()));
    p.join(); // 서브 프로세스가 사라질 때까지 막음 (blocks until the sub process is gone)
    say!("Status:  {}", Py(p.is_alive()));
}
