//! 4. 프로세스 간 객체 교환, beyond the notes — a manager's `Queue`, `Lock` and `Event` in a `Pool`.
//!
//! 실행 / Run: `cargo run -p manager-queue-lock`
//! 눈여겨볼 점: 풀의 일 여덟 개가 매니저의 큐, 잠금, 이벤트, dict를 인자로 받습니다(평범한 `Queue`는
//! 거기에 넣을 수 없습니다. 풀은 일을 값으로 보내기 때문입니다). 모두 이벤트를 기다리므로, main이
//! 이벤트를 설정하기 전에는 큐에 아무것도 없습니다. 그다음 각자 잠금을 쥔 채로 개수를 읽고 1을 더해
//! 다시 씁니다. 개수는 정확히 8입니다. 일마다 출력한 줄이 모두 큐에 도착합니다.
//! Notice: eight pool tasks get a manager's queue, lock, event and dict as their arguments (a
//! plain `Queue` cannot go there: a pool's tasks are sent as values). All wait for the event:
//! nothing is on the queue until main sets it. Each then reads a count and writes it back
//! plus one, under the lock: the count is exactly 8. Every task's line arrives on the queue.

use common::manager::{DictProxy, EventProxy, LockProxy, Manager, QueueProxy};
use common::pool::Pool;
use common::python::Py;
use common::say;

type Shared = (
    QueueProxy<String>,
    LockProxy,
    EventProxy,
    DictProxy<String, u32>,
);

fn task(((q, lock, start, d), i): (Shared, u32)) -> u32 {
    start.wait().expect("start.wait()");
    {
        let _held = lock.acquire().expect("with lock:");
        let n = d.get(&"count".into()).expect("d['count']").unwrap_or(0); // 읽고, (read,)
        d.set("count".into(), n + 1).expect("d['count'] = n + 1"); // 그다음에 씀 (then write)
    }
    q.put(format!("task {i} done")).expect("q.put(...)");
    i
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    let m = Manager::start().expect("start the manager"); // 파이썬의 with Manager() as m:
    let (q, lock, start) = (
        m.queue().expect("m.Queue()"),
        m.lock().expect("m.Lock()"),
        m.event().expect("m.Event()"),
    );
    let d = m.dict().expect("m.dict()");
    d.set("count".to_owned(), 0).expect("d['count'] = 0");
    let pool = Pool::new(4).expect("start the pool");
    let shared: Shared = (q.clone(), lock, start.clone(), d.clone());
    let args: Vec<(Shared, u32)> = (0..8).map(|i| (shared.clone(), i)).collect();
    let results = pool
        .map_async(task, args)
        .expect("pool.map_async(task, args)");
    say!(
        "before the event: {} items on the queue",
        q.qsize().expect("q.qsize()")
    );
    start.set().expect("start.set()");
    say!("{}", Py(&results.get().expect("the results")));
    let mut lines: Vec<String> = (0..8).map(|_| q.get().expect("q.get()")).collect();
    lines.sort();
    say!("{}", Py(&lines));
    say!(
        "count: {}",
        d.get(&"count".into()).expect("d['count']").unwrap_or(0)
    );
}
