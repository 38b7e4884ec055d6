//! 2. join과 데몬 — 2) Daemon속성 — a daemon child (notes §2).
//!
//! 실행 / Run: `cargo run -p daemon-process`
//! 눈여겨볼 점: "Sub Process end"는 출력되지 않고 프로그램은 바로 끝납니다. 데몬 자식은 메인 프로세스가
//! 끝날 때 종료됩니다. "Sub Process start"는 출력될 수도, 출력되지 않을 수도 있습니다. 파이썬은 프로세스를
//! 시작하는 데 시간이 꽤 걸려서 노트에서는 이 줄이 보이지 않지만, 포크는 이 줄이 먼저 나올 수 있을 만큼 빠릅니다
//! (노트처럼 `spawn`으로 시작하면 출력되지 않습니다).
//! Notice: "Sub Process end" never prints and the program ends at once: a daemon child is
//! terminated when the main process exits. "Sub Process start" may print or not: Python takes
//! long enough to start a process that the notes never see it; a fork is fast enough to race
//! (under `spawn`, as in the notes, it does not print).

use common::process::Process;
use common::{say, sleep_secs};

fn work() {
    say!("Sub Process start");
    sleep_secs(5.0);
    say!("Sub Process end");
}

fn main() {
    common::init(); // 파이썬의 if __name__ == "__main__":
    say!("Main Process start");
    let mut proc = Process::target(work, ()).name("Sub Process").daemon(true);
    proc.start().expect("start Sub Process");
    say!("Main Process end");
    // `main`이 반환하면, 종료 규칙이 데몬에게 SIGTERM을 보내고 거둬들입니다. 이 프로세스를 그냥
    // 죽였더라도 자식은 함께 죽었을 것입니다(`common::process`의 생명줄).
    // `main` returns; the exit rule sends the daemon SIGTERM and reaps it. Had this process been
    // killed outright, the child would have died too (`common::process`'s lifeline).
}
