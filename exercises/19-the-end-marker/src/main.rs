//! 연습 19 — 끝 표시 (프로세스 간 객체 교환 — Pipe()로 주고받는 약속)
//! Exercise 19 — the end marker (exchanging objects between processes: a protocol over a Pipe)
//!
//! 할 일: `square_over_a_pipe(jobs, serve)`에서 부모는 파이프로 일(`Some(x)`)을 하나씩 보내고
//! 답을 받아 "parent got y"를 출력합니다. 일을 다 보내면 끝 표시 `None`을 보냅니다(파이썬에서
//! None을 보내듯). 자식 "Squarer"(`serve`를 돌림)는 일마다 "child squared x"를 출력하고 제곱을 답하고,
//! 끝 표시를 받으면 "child: total t"를 출력하고 제곱의 합을 답한 뒤 끝납니다. 부모는 "total from the
//! child: t"를 출력하고 그 합을 돌려줍니다. 지금 자식은 끝 표시를 모르고 다음 일을 계속 기다립니다.
//! 검사기는 이 함수를 다른 일과 자기 `serve`로도 부릅니다. 그 자식은 자기가 뽑은 수를 곱해
//! 답하므로, 부모는 파이프로 받은 답만 출력할 수 있습니다.
//! Task: in `square_over_a_pipe(jobs, serve)`, the parent sends jobs (`Some(x)`) over a pipe one at
//! a time, receives each answer and prints "parent got y"; when the jobs are sent, it sends the end
//! marker `None` (as Python code sends None). The child "Squarer" (running `serve`) prints "child
//! squared x" and answers with the square for each job; at the end marker it prints "child: total
//! t", answers with the sum of the squares and ends. The parent prints "total from the child: t"
//! and returns it. Today the child does not know the end marker and waits for another job. The
//! checker calls the function with other jobs and its own `serve` too, whose child multiplies by a
//! number it draws: the parent can print only the answers it got over the pipe.
//!
//! 확인 / Check: `cargo run -p practice -- check 19`

use common::ipc::{Connection, pipe};
use common::process::Process;
use common::say;

pub fn serve(conn: Connection) {
    let mut total = 0;
    loop {
        // TODO: `None`이 끝 표시입니다. 합을 답하고 멈추세요.
        //       `None` is the end marker: answer with the total, and stop.
        if let Some(x) = conn.recv::<Option<u64>>().expect("a message") {
            say!("child squared {x}");
            total += x * x;
            conn.send(&(x * x)).expect("answer");
        }
    }
}

pub fn square_over_a_pipe(jobs: &[u64], serve: impl Fn(Connection) + Copy + 'static) -> u64 {
    let (parent_conn, child_conn) = pipe().expect("a pipe");
    let mut p = Process::target(serve, child_conn).name("Squarer");
    p.start().expect("start the child");
    for &x in jobs {
        parent_conn.send(&Some(x)).expect("send a job");
        let y: u64 = parent_conn.recv().expect("an answer");
        say!("parent got {y}");
    }
    parent_conn.send(&None::<u64>).expect("send the end marker");
    let total: u64 = parent_conn.recv().expect("the total");
    say!("total from the child: {total}");
    p.join();
    total
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    square_over_a_pipe(&[2, 3, 4], serve);
}
