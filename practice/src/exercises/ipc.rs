//! The IPC chapter's exercises: a manager's dict, queues and pipes between processes, Array.

use super::*;

/// Each child process of main (named `Process-k`) has its entry "<prefix>Process-k: <its PID>"
/// printed by the main process; there are `children` of them; a manager process ran.
fn recorded(run: &Run, children: usize, prefix: &str) -> Result<(), Problem> {
    let started = run.events_of_kind(Kind::ProcessStart);
    let kids: Vec<&Event> = started
        .iter()
        .copied()
        .filter(|e| e.ppid == run.pid && e.process.starts_with("Process-"))
        .collect();
    if kids.len() != children {
        return Err(Problem::new(
            format!(
                "자식 프로세스가 {children}개여야 하는데 {}개 시작되었습니다.",
                kids.len()
            ),
            format!("{children} child processes must start; {} did.", kids.len()),
        ));
    }
    for kid in kids {
        let head = format!("{prefix}{}: ", kid.process);
        let want = format!("{head}{}", kid.pid);
        let Some(got) = run.stdout.iter().find(|l| l.starts_with(&head)) else {
            return Err(Problem::new(
                format!(
                    "{}의 항목이 찍히지 않았습니다. 자식마다 dict의 복사본을 고쳤고, main의 dict에는 아무것도 없습니다. 매니저의 dict를 쓰세요.",
                    kid.process
                ),
                format!(
                    "no entry of {} was printed: each child changed its own copy of the dict, and main's has nothing. Use a manager's dict.",
                    kid.process
                ),
            ));
        };
        if *got != want {
            return Err(Problem::new(
                format!(
                    "{} 찍혔는데 {}의 PID는 {}입니다. 자식이 적은 값을 찍으세요.",
                    with(&format!("'{got}'"), Josa::IGa),
                    kid.process,
                    kid.pid
                ),
                format!(
                    "'{got}' was printed, but the PID of {} is {}: print what the child wrote.",
                    kid.process, kid.pid
                ),
            ));
        }
        if printed_by(run, &want)?.pid != run.pid {
            return Err(Problem::new(
                format!(
                    "{} 자식이 찍었습니다. 자식이 적은 dict를 main이 읽어서 찍어야 합니다.",
                    with(&format!("'{want}'"), Josa::EulReul)
                ),
                format!("'{want}' was printed by the child: main must read the dict and print it."),
            ));
        }
    }
    if !started.iter().any(|e| e.process == "SyncManager-1") {
        return Err(Problem::new(
            "매니저 프로세스가 돌지 않았습니다. dict를 매니저(`common::manager::Manager`)로 나누세요.",
            "no manager process ran: share the dict through a manager (`common::manager::Manager`).",
        ));
    }
    Ok(())
}

fn share_a_dict(run: &Run) -> Result<(), Problem> {
    recorded(run, 3, "")?;
    ended_with_its_workers(run)
}

fn record_pids_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    recorded(run, numbers(args)[0] as usize, "entry ")
}

/// The check of each exercise of this part, and the checker's call of its function if it has
/// one.
pub(super) fn mechanism(package: &str) -> Option<(Check, Option<Probe>)> {
    Some(match package {
        "share-a-dict" => (
            share_a_dict,
            Some(Probe {
                bin: "check-15",
                signature: "pub fn record_pids(children: usize) -> Vec<(String, u32)>",
                args: &[(2, 6)],
                check: record_pids_call,
                late_starts: true,
            }),
        ),
        _ => return None,
    })
}
