//! Wrong: children that add nothing, and the total worked out by the parent as processes × times.

use common::process::Process;
use common::say;

pub fn count_in_processes(processes: usize, times: i32) -> i32 {
    let mut children: Vec<Process> = (0..processes).map(|_| Process::new(|| {})).collect();
    for child in &mut children {
        child.start().expect("start a child");
    }
    for child in &mut children {
        child.join();
    }
    processes as i32 * times
}

fn main() {
    say!("total: {}", count_in_processes(4, 100_000));
}
