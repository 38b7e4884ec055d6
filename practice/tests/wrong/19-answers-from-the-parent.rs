//! Wrong: no pipe: the child is handed every job when it starts and prints its lines; the parent
//! joins it, then prints each square and the total it worked out itself.

use common::ipc::Connection;
use common::process::Process;
use common::say;

fn serve_all(jobs: Vec<u64>) {
    let mut total = 0;
    for x in jobs {
        say!("child squared {x}");
        total += x * x;
    }
    say!("child: total {total}");
}

pub fn square_over_a_pipe(jobs: &[u64], _serve: impl Fn(Connection) + Copy + 'static) -> u64 {
    let mut p = Process::target(serve_all, jobs.to_vec()).name("Squarer");
    p.start().expect("start the child");
    p.join();
    for &x in jobs {
        say!("parent got {}", x * x);
    }
    let total: u64 = jobs.iter().map(|x| x * x).sum();
    say!("total from the child: {total}");
    total
}

/// The pipe's child, as the exercise gives it (unused here).
pub fn serve(conn: Connection) {
    while let Some(x) = conn.recv::<Option<u64>>().expect("a message") {
        conn.send(&(x * x)).expect("answer");
    }
}

fn main() {
    common::init(); // if __name__ == '__main__':
    square_over_a_pipe(&[2, 3, 4], serve);
}
