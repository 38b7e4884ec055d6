//! 연습 07, 14, 16, 17의 검사에서 검사기의 일이 동시에 돌 기회를 줍니다. 일마다 도는 동안 자기 파일을
//! 하나 두고(끝나면 지움), 가장 먼저 시작한 일은 다른 일이 돌기 시작할 때까지 5초까지
//! 기다립니다(늦게 시작하는 작업 프로세스가 있어도 만나도록). 풀이 일을
//! 나란히 맡기면 작업 프로세스가 늦게 떠도(spawn) 둘이 만나고, 하나씩 맡기고 기다리면(반복문
//! 안의 apply) 첫 일은 혼자 5초를 기다리고 끝납니다. 파일은 이 실행의 프로세스 그룹 이름을 딴
//! 폴더에 둡니다(실행마다 `TMPDIR`가 따로 있음).
//!
//! A chance for the checker's tasks to run at the same time, for the checks of exercises 07, 14,
//! 16 and 17. Each task keeps a file while it runs (removed as it ends), and the task that starts
//! first waits up to 5 s for another to start (so that a worker started late still meets it). A pool that hands the tasks out side by side brings two together
//! even when its workers come up late (spawn); one that hands out a task and waits for it (apply
//! in a loop) leaves the first waiting alone for 5 s. The files are in a folder named after this
//! run's process group (every run has a `TMPDIR` of its own).

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// 첫 일이 다른 일을 기다리는 시간.
/// How long the first task waits for company.
const WAIT: Duration = Duration::from_secs(5);

/// 이번 실행의 폴더: 실행의 모든 프로세스는 검사기가 실행을 시작할 때 넣은 프로세스 그룹에 있음.
/// This run's folder: every process of the run is in the group the checker started it in.
fn folder() -> PathBuf {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // pid (comm) state ppid pgrp ...: 명령 이름을 닫는 괄호 뒤의 필드들.
    // pid (comm) state ppid pgrp ...: the fields after the command's closing parenthesis.
    let group = stat
        .rsplit_once(')')
        .and_then(|(_, rest)| rest.split_whitespace().nth(2))
        .unwrap_or("0")
        .to_owned();
    std::env::temp_dir().join(format!("check-meet-{group}"))
}

/// 실행 중인 일: 그 파일이고, 값을 버리면(drop) 파일을 지움.
/// A task running: its file, removed when it is dropped.
pub struct Running(PathBuf);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// 일 `x`가 실행 중이라고 표시함. 이번 실행에서 처음 시작한 일이면(폴더의 `first` 파일을 만든
/// 일) 다른 일도 실행될 때까지([`WAIT`]까지) 기다림.
/// Marks task `x` as running; if it is the first of the run to start (the one that creates the
/// folder's `first` file), waits until another task runs too (up to [`WAIT`]).
pub fn running(x: u64) -> Running {
    let folder = folder();
    let _ = std::fs::create_dir_all(&folder);
    let first = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(folder.join("first"))
        .is_ok();
    let mine = folder.join(format!("task-{x}"));
    let _ = std::fs::write(&mine, b"");
    if first {
        let until = Instant::now() + WAIT;
        while Instant::now() < until {
            let others = std::fs::read_dir(&folder)
                .map(|entries| {
                    (entries.flatten())
                        .filter(|e| e.path() != mine && e.file_name() != "first")
                        .count()
                })
                .unwrap_or(0);
            if others > 0 {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    Running(mine)
}

/// 이번 실행의 프로세스 `count`개가 `name`으로 이것을 부를 때까지(`WAIT`까지) 기다림: 18의
/// 생산자들이 반쯤에서 함께 쉬도록.
/// Waits until `count` processes of this run have called this with `name` (up to [`WAIT`]): so
/// that 18's producers rest together halfway.
#[allow(dead_code)]
pub fn all_here(name: &str, count: usize) {
    let folder = folder();
    let _ = std::fs::create_dir_all(&folder);
    let _ = std::fs::write(folder.join(format!("{name}-{}", std::process::id())), b"");
    let until = Instant::now() + WAIT;
    while Instant::now() < until {
        let here = std::fs::read_dir(&folder).map_or(0, |entries| {
            (entries.flatten())
                .filter(|e| e.file_name().to_string_lossy().starts_with(name))
                .count()
        });
        if here >= count {
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// 호출이 돌아오면 이번 실행의 폴더를 지움.
/// Removes this run's folder, once the call has returned.
pub fn clean_up() {
    let _ = std::fs::remove_dir_all(folder());
}
