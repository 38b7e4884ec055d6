//! What happened, in the learner's terms, when a run did not end well: what was still running
//! at a hang, and where a panic was.

use crate::exercises::Problem;
use crate::korean::{Josa, with};
use harness::{Kind, Run};

/// The threads and processes of a hung run that had not ended when it was stopped, from the
/// trace; and whether `main` had printed its last line (`last`).
pub fn still_running(run: &Run) -> Problem {
    let mut threads: Vec<(u32, String, String)> = Vec::new();
    for event in &run.events {
        let key = (event.pid, event.process.clone(), event.thread.clone());
        match event.kind {
            Kind::ThreadStart if !threads.contains(&key) => threads.push(key),
            Kind::ThreadEnd => threads.retain(|k| *k != key),
            _ => {}
        }
    }
    let exited: Vec<u32> = run
        .events_of_kind(Kind::ProcessExit)
        .into_iter()
        .map(|e| e.pid)
        .collect();
    threads.retain(|(pid, _, _)| !exited.contains(pid));
    let mut ko = Vec::new();
    let mut en = Vec::new();
    for (pid, process, thread) in &threads {
        let who = if *pid == run.pid {
            format!("스레드 '{thread}'")
        } else {
            format!("프로세스 '{process}'(pid {pid})의 스레드 '{thread}'")
        };
        ko.push(who);
        en.push(format!("thread '{thread}' of {process} (pid {pid})"));
    }
    let last = run.stdout.last().cloned().unwrap_or_default();
    Problem::new(
        if ko.is_empty() {
            format!(
                "끝나지 않은 스레드를 trace에서 찾지 못했습니다(say!로 찍은 줄이 없으면 보이지 않습니다). 마지막으로 찍힌 줄: '{last}'."
            )
        } else {
            format!(
                "멈췄을 때 아직 끝나지 않은 것: {}. 마지막으로 찍힌 줄: '{last}'.",
                ko.join(", ")
            )
        },
        if en.is_empty() {
            format!(
                "no unfinished thread was found in the trace (a thread that printed nothing with say! is not seen). The last line printed: '{last}'."
            )
        } else {
            format!(
                "still running when it was stopped: {}. The last line printed: '{last}'.",
                en.join(", ")
            )
        },
    )
}

/// A panic as Rust's default hook writes it to stderr: the thread, the place and the message.
pub fn panic(stderr: &str) -> Option<Problem> {
    // thread 'name' (1234) panicked at src/main.rs:12:5:
    // the message
    let mut lines = stderr.lines();
    let head = lines.find(|l| l.starts_with("thread '") && l.contains(" panicked at "))?;
    let thread = head.strip_prefix("thread '")?.split('\'').next()?;
    let place = head.split(" panicked at ").nth(1)?.trim_end_matches(':');
    let message: Vec<&str> = lines
        .take_while(|l| !l.starts_with("note:") && !l.starts_with("stack backtrace"))
        .collect();
    let message = message.join(" ");
    let thread_ko = with(&format!("스레드 '{thread}'"), Josa::IGa);
    Some(Problem::new(
        format!("{thread_ko} {place}에서 패닉했습니다: {message}"),
        format!("thread '{thread}' panicked at {place}: {message}"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_read_from_stderr() {
        let stderr = "thread 'consumer' (4242) panicked at src/main.rs:21:30:\nput: SendError\nnote: run with `RUST_BACKTRACE=1`\n";
        let problem = panic(stderr).expect("a panic");
        assert_eq!(
            problem.ko,
            "스레드 'consumer'가 src/main.rs:21:30에서 패닉했습니다: put: SendError"
        );
        assert_eq!(
            problem.en,
            "thread 'consumer' panicked at src/main.rs:21:30: put: SendError"
        );
    }
}
