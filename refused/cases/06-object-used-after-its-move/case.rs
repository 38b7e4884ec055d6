// 6. 프로세스와 클래스: `target=w.run` 다음에 부모에서 `print(w.name)`.
// The notes' §6 (processes and classes): `target=w.run`, then `print(w.name)` in the parent.
use common::process::Process;

struct Worker {
    name: Option<String>,
}

impl Worker {
    fn run(&mut self, name: &str) {
        self.name = Some(name.to_owned());
    }
}

fn main() {
    let mut w = Worker { name: None };
    let mut p = Process::new(move || w.run("bob")).name("SubProcess");
    p.start().expect("start");
    p.join();
    println!("{:?}", w.name);
}
