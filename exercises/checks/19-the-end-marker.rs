//! 검사기가 연습 19의 `square_over_a_pipe(jobs, serve)`를 자기 일과 자기 `serve`로 부릅니다. 그
//! 자식은 수 하나를 뽑아 출력하고, 일마다 제곱에 그 수를 곱해 답합니다. 부모가 스스로 계산한 제곱을
//! 출력하면 다른 수가 나옵니다. 합에는 자식이 뽑은 수 하나를 더 더하므로, 부모가 답을 스스로 더해도 다른
//! 수가 나옵니다. 그다음 배우는 사람의 `serve`를 검사기의 스레드에서 파이프 하나로
//! 부르고, 4에서 9개 사이로 뽑은 일(1000이 넘는 수)을 보낸 뒤 끝 표시를 보냅니다. 일의 개수를 세어
//! 멈추는 `serve`는 여기서 틀립니다.
//!
//! The checker calls exercise 19's `square_over_a_pipe(jobs, serve)` with jobs and a `serve` of
//! its own: the child draws a number, prints it, and answers each job with its square times that
//! number. A parent that prints squares it worked out itself prints other numbers; the total has
//! one more number drawn in the child added, so a parent that adds up the answers itself is off. Then it calls
//! the learner's `serve` on a thread of its own, over a pipe, with 4 to 9 jobs (numbers over
//! 1000) drawn here, then the end marker: a `serve` that stops after counting jobs fails there.

#[allow(dead_code)]
#[path = "../19-the-end-marker/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::ipc::Connection;
use common::say;
use std::hash::{BuildHasher, Hash, Hasher};

fn serve(conn: Connection) {
    // 여기, 자식이 시작한 뒤 자식 안에서 뽑음: 부모는 이 값을 알 수 없음.
    // Drawn here, in the child, after it started: its parent cannot know it.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    (std::process::id(), common::trace::monotonic_ns()).hash(&mut hasher);
    let drawn = hasher.finish();
    let (by, extra) = (2 + drawn % 998, 1 + (drawn >> 16) % 997);
    say!("the checker's child multiplies by {by}");
    // 이 자식의 합계는 답의 합보다 큼: 답을 스스로 더하는 부모는 틀림.
    // Its total is more than the sum of its answers: a parent that adds them up itself is off.
    say!("the checker's child adds {extra} to its total");
    let mut total = 0;
    while let Some(x) = conn.recv::<Option<u64>>().expect("a message") {
        say!("child squared {x}");
        total += x * x * by;
        conn.send(&(x * x * by)).expect("answer");
    }
    let total = total + extra;
    say!("child: total {total}");
    conn.send(&total).expect("answer with the total");
}

/// 학습자의 `serve`를 "serve" 스레드에서 돌리고, 뽑은 일과 끝 표시를 줌. 돌려주는 것: `serve`가
/// 답한 합계(틀리게 답했거나 일찍 멈췄으면 -1)와 제곱의 합.
/// The learner's `serve`, on a thread "serve", given drawn jobs and then the end marker: the
/// total it answered (or -1 if it answered wrong or stopped early), and the sum of the squares.
fn served() -> (i64, i64) {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    std::process::id().hash(&mut hasher);
    let drawn = hasher.finish();
    let jobs: Vec<u64> = (0..4 + drawn % 6)
        .map(|i| 1_000 + (drawn >> 8) % 500 + i)
        .collect();
    let want = jobs.iter().map(|x| x * x).sum::<u64>() as i64;
    let (mine, theirs) = common::ipc::pipe().expect("a pipe");
    let server = std::thread::Builder::new()
        .name("serve".into())
        .spawn(move || learner::serve(theirs))
        .expect("start the thread 'serve'");
    let mut answered = || -> Option<u64> {
        for &x in &jobs {
            mine.send(&Some(x)).ok()?;
            (mine.recv::<u64>().ok()? == x * x).then_some(())?;
        }
        mine.send(&None::<u64>).ok()?;
        mine.recv::<u64>().ok()
    };
    let got = answered().map_or(-1, |total| total as i64);
    drop(mine);
    let _ = server.join();
    (got, want)
}

fn main() {
    common::init();
    let args: [u64; 2] = check_protocol::numbers();
    let jobs: Vec<u64> = (0..args[0]).map(|i| args[1] + i * 7).collect();
    let total = learner::square_over_a_pipe(&jobs, serve);
    let (served, want) = served();
    say!(
        "{}",
        report(Found::Numbers(vec![total as i64, served, want]))
    );
}
