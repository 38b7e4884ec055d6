//! 잘못된 풀이(두 번째 블라인드 리뷰): Worker를 Box::leak으로 'static 참조로 만들어, 자식과 부모가 둘 다 씁니다.
//! 컴파일은 되지만 옮기지도 복사하지도 않고 메모리를 새게 합니다.
//! Wrong (from the second blind review): the Worker leaked with Box::leak to a 'static reference
//! that the child and the parent both use: it compiles, moving and copying nothing, and leaks.
//! Named: Box::leak
use common::process::Process;
use common::{current_process, say};

pub struct Worker {
    pub name: String,
}

impl Worker {
    fn run(&self) {
        say!("{} works in {}", self.name, current_process().name);
    }
}

pub fn start_worker(name: &str) {
    let w: &'static Worker = Box::leak(Box::new(Worker {
        name: name.to_owned(),
    }));
    let mut p = Process::new(move || w.run()).name("SubProcess");
    p.start().expect("start the child");
    p.join();
    say!("parent: {} finished", w.name);
}

fn main() {
    common::init();
    start_worker("bob");
}
