//! Wrong (from the third blind review): the parent never receives the child's total: it adds up
//! the answers it got and prints that as "total from the child".
//! Named: added up by itself

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
    say!("child: total {total}");
    let _ = conn.send(&total);
}

pub fn square_over_a_pipe(jobs: &[u64], serve: impl Fn(Connection) + Copy + 'static) -> u64 {
    let (parent_conn, child_conn) = pipe().expect("a pipe");
    let mut p = Process::target(serve, child_conn).name("Squarer");
    p.start().expect("start the child");
    let mut total = 0;
    for &x in jobs {
        parent_conn.send(&Some(x)).expect("send a job");
        let y: u64 = parent_conn.recv().expect("an answer");
        say!("parent got {y}");
        total += y;
    }
    parent_conn.send(&None::<u64>).expect("send the end marker");
    p.join();
    say!("total from the child: {total}");
    total
}

fn main() {
    common::init();
    square_over_a_pipe(&[2, 3, 4], serve);
}
