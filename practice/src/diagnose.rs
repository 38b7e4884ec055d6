//! What happened, in the learner's terms, when a run did not end well: what was still running
//! at a hang, and where a panic was.

use crate::exercises::Problem;
use crate::korean::{Josa, with};
use harness::{Kind, Run, StillThere};

/// What was still running when a hung run was stopped (as the harness read it from `/proc`),
/// each thread spinning or waiting, and the last line printed.
pub fn still_running(run: &Run, threads: &[StillThere]) -> Problem {
    let mut ko = Vec::new();
    let mut en = Vec::new();
    for StillThere {
        pid,
        process,
        thread,
        runnable,
    } in threads
    {
        // A thread without a name of its own shows its process's name.
        let unnamed = thread == process && thread != "main";
        // `/proc` cuts a name at 15 bytes; the trace has it whole ("ForkPoolWorker-12").
        let process = run
            .events
            .iter()
            .find(|e| e.pid == *pid && e.process.starts_with(process.as_str()))
            .map_or(process, |e| &e.process);
        let (thread_ko, thread_en) = if unnamed {
            (
                "이름 없는 스레드".to_owned(),
                "a thread without a name".to_owned(),
            )
        } else {
            (format!("스레드 '{thread}'"), format!("thread '{thread}'"))
        };
        // Spinning (on a core or ready for one), or asleep waiting for something.
        let (thread_ko, thread_en) = if *runnable {
            (
                format!("{thread_ko}(도는 중)"),
                format!("{thread_en} (running)"),
            )
        } else {
            (
                format!("{thread_ko}(기다리는 중)"),
                format!("{thread_en} (waiting)"),
            )
        };
        if *pid == run.pid {
            ko.push(thread_ko);
            en.push(thread_en);
        } else {
            ko.push(format!(
                "자식 프로세스 '{process}'(pid {pid})의 {thread_ko}"
            ));
            en.push(format!(
                "{thread_en} of child process '{process}' (pid {pid})"
            ));
        }
    }
    let (last_ko, last_en) = match run.stdout.last() {
        Some(last) => (
            format!("마지막으로 찍힌 줄: '{last}'"),
            format!("The last line printed: '{last}'"),
        ),
        None => (
            "아무 줄도 찍히지 않았습니다".to_owned(),
            "Nothing was printed".to_owned(),
        ),
    };
    let main_done = run.events.iter().any(|e| {
        e.pid == run.pid
            && e.thread == "main"
            && e.kind == Kind::Say
            && Some(&e.msg) == run.stdout.last()
    });
    Problem::new(
        format!(
            "멈췄을 때 아직 돌던 것: {}. {last_ko}{}.",
            if ko.is_empty() {
                "(찾지 못함)".to_owned()
            } else {
                ko.join(", ")
            },
            if main_done { "(main이 찍음)" } else { "" }
        ),
        format!(
            "Still running when it was stopped: {}. {last_en}{}.",
            if en.is_empty() {
                "(none found)".to_owned()
            } else {
                en.join(", ")
            },
            if main_done { " (by main)" } else { "" }
        ),
    )
}

/// When a check failed on a run that ended: the threads of the main process that were cut off
/// by its end (a `thread_start` and no `thread_end`), which is what a missing join looks like.
pub fn cut_off(run: &Run) -> Option<Problem> {
    let mut open: Vec<&str> = Vec::new();
    for event in run.events.iter().filter(|e| e.pid == run.pid) {
        match event.kind {
            Kind::ThreadStart if !open.contains(&event.thread.as_str()) => {
                open.push(&event.thread);
            }
            Kind::ThreadEnd => open.retain(|t| *t != event.thread),
            _ => {}
        }
    }
    open.retain(|t| *t != "main");
    if open.is_empty() {
        return None;
    }
    let names: Vec<String> = open.iter().map(|t| format!("'{t}'")).collect();
    Some(Problem::new(
        format!(
            "main이 끝날 때 아직 끝나지 않은 스레드가 있었습니다: {}. 그 스레드를 기다리지(join) 않은 경우가 많습니다.",
            names.join(", ")
        ),
        format!(
            "When main ended, these threads had not finished: {}; usually a join is missing.",
            names.join(", ")
        ),
    ))
}

/// A panic as Rust's default hook writes it to stderr: the process, the thread, the place and
/// the message. The hook names the thread and its kernel id; the process is the one whose PID
/// that id is (a process's main thread), or else the one the trace saw a thread of that name in.
pub fn panic(run: &Run) -> Option<Problem> {
    // thread 'name' (1234) panicked at src/main.rs:12:5:
    // the message
    let mut lines = run.stderr.lines();
    let head = lines.find(|l| l.starts_with("thread '") && l.contains(" panicked at "))?;
    let thread = head.strip_prefix("thread '")?.split('\'').next()?;
    let tid: Option<u32> = head
        .split(" panicked at ")
        .next()?
        .rsplit_once(" (")
        .and_then(|(_, id)| id.trim_end_matches(')').parse().ok());
    let place = head.split(" panicked at ").nth(1)?.trim_end_matches(':');
    let message: Vec<&str> = lines
        .take_while(|l| !l.starts_with("note:") && !l.starts_with("stack backtrace"))
        .collect();
    let message = message.join(" ");
    let process = tid
        .and_then(|tid| run.events.iter().find(|e| e.pid == tid))
        .or_else(|| run.events.iter().find(|e| e.thread == thread))
        .map(|e| (e.process.clone(), e.pid));
    let (of_ko, of_en) = match process {
        Some((name, pid)) if pid != run.pid => (
            format!("자식 프로세스 '{name}'(pid {pid})의 "),
            format!(" of child process '{name}' (pid {pid})"),
        ),
        _ => ("MainProcess의 ".to_owned(), " of MainProcess".to_owned()),
    };
    let thread_ko = with(&format!("스레드 '{thread}'"), Josa::IGa);
    // The checker of 35 forbids writing files during its call (check_protocol::sandbox).
    let (why_ko, why_en) = if message.contains("Permission denied") {
        (
            " 검사기가 호출하는 동안 파일 쓰기를 막았습니다(연습 35). 값은 파일이 아니라 배운 통로(타깃의 인자)로 넘기세요.",
            " The checker forbids writing files during its call (exercise 35): pass the value through the mechanism taught (the target's arguments), not a file.",
        )
    } else {
        ("", "")
    };
    Some(Problem::new(
        format!("{of_ko}{thread_ko} {place}에서 패닉했습니다: {message}{why_ko}"),
        format!("thread '{thread}'{of_en} panicked at {place}: {message}{why_en}"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(pid: u32, process: &str, thread: &str) -> harness::Event {
        harness::Event {
            t_ns: 1,
            pid,
            ppid: 1,
            process: process.into(),
            thread: thread.into(),
            msg: "start".into(),
            kind: Kind::ThreadStart,
            exitcode: None,
            shared: None,
            unlocked: None,
            locked: None,
            received: None,
            proxy_writes: None,
            child: None,
            daemon: None,
            usage: None,
            watched: None,
        }
    }

    #[test]
    fn a_panic_is_read_from_stderr_with_its_process() {
        let stderr = "thread 'consumer' (4242) panicked at src/main.rs:21:30:\nput: SendError\nnote: run with `RUST_BACKTRACE=1`\n";
        let mut run = Run::from_parts(4000, stderr, vec![event(4000, "MainProcess", "consumer")]);
        let problem = panic(&run).expect("a panic");
        assert_eq!(
            problem.ko,
            "MainProcess의 스레드 'consumer'가 src/main.rs:21:30에서 패닉했습니다: put: SendError"
        );
        assert_eq!(
            problem.en,
            "thread 'consumer' of MainProcess panicked at src/main.rs:21:30: put: SendError"
        );
        // A child's main thread: its kernel id is the child's PID.
        run.stderr = "thread 'main' (4242) panicked at src/main.rs:9:9:\nboom\n".into();
        run.events.push(event(4242, "SubProcess", "main"));
        let problem = panic(&run).expect("a panic");
        assert_eq!(
            problem.en,
            "thread 'main' of child process 'SubProcess' (pid 4242) panicked at src/main.rs:9:9: boom"
        );
    }
}
