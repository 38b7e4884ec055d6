//! Wrong (from the second blind review): the child's `serve` takes exactly three jobs (the
//! count `main` sends), then waits for the end marker: right for [2, 3, 4] only.
//! Named: do not count the jobs

use common::ipc::{Connection, pipe};
use common::process::Process;
use common::say;

pub fn serve(conn: Connection) {
    let mut total = 0;
    // main sends three jobs: take three, then one more message, whatever it is.
    for _ in 0..3 {
        let x = conn.recv::<Option<u64>>().expect("a message").expect("a job");
        say!("child squared {x}");
        total += x * x;
        conn.send(&(x * x)).expect("answer");
    }
    let _ = conn.recv::<Option<u64>>();
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
    common::init(); // if __name__ == '__main__':
    square_over_a_pipe(&[2, 3, 4], serve);
}
