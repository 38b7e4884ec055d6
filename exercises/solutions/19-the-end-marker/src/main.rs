//! 연습 19의 풀이 — 자식의 루프는 메시지가 일인 동안(`while let Some(x)`) 계속 돌아갑니다. 끝 표시가 오면
//! 끝나고, 부모가 기다리는 합을 보냅니다.
//!
//! Exercise 19, a solution: the child's loop runs while the message is a job
//! (`while let Some(x)`); the end marker ends it, and the child sends the total the parent waits for.

use common::ipc::{Connection, pipe};
use common::process::Process;
use common::say;

pub fn serve(conn: Connection) {
    let mut total = 0;
    while let Some(x) = conn.recv::<Option<u64>>().expect("a message") {
        say!("child squared {x}");
        total += x * x;
        conn.send(&(x * x)).expect("answer");
    }
    // 끝 표시: 부모는 답 하나, 즉 합을 더 기다립니다.
    // The end marker: the parent waits for one more answer, the total.
    say!("child: total {total}");
    conn.send(&total).expect("answer with the total");
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
