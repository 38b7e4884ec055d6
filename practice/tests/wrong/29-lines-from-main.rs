//! Wrong: main prints every "starts", sleeps once, then prints every "done": the lines of a
//! gather without a runtime, a task or an await; the waits it is given are never run.

use common::say;
use std::future::Future;
use std::time::Duration;

async fn wait(i: usize, ms: u64) {
    say!("wait {i} starts");
    tokio::time::sleep(Duration::from_millis(ms)).await;
    say!("wait {i} done");
}

pub fn gather_waits<W, F>(n: usize, wait: W)
where
    W: Fn(usize) -> F,
    F: Future<Output = ()> + Send + 'static,
{
    let _ = wait;
    for i in 0..n {
        say!("wait {i} starts");
    }
    std::thread::sleep(Duration::from_millis(200)); // one sleep stands for all the waits
    for i in 0..n {
        say!("wait {i} done");
    }
}

fn main() {
    gather_waits(5, |i| wait(i, 200));
}
