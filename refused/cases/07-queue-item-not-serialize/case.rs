// 4. 프로세스 간 객체 교환 — 1) 큐: 프로그램이 직접 만든 타입의 객체를 프로세스 사이의 큐에 넣습니다.
// The notes' §4.1 (the queue): an object of the program's own put on a queue between processes.
use common::process::Process;

struct Worker {
    name: String,
}

fn main() {
    let (q_put, q) = common::ipc::channel::<Worker>().expect("queue");
    let mut p = Process::new(move || {
        q_put
            .send(Worker { name: "bob".into() })
            .expect("put");
    });
    p.start().expect("start");
    println!("{}", q.recv().expect("get").name);
    p.join();
}
