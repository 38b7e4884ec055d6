//! 4. 프로세스 간 객체 교환, beyond the notes — `shared_memory.ShareableList`: a list shared by name.
//!
//! 실행 / Run: `cargo run -p shareable-list`
//! 눈여겨볼 점: 자식은 이름으로 붙어서 모든 항목을, 타입까지 바꿉니다(`None`이 `True`가 됩니다).
//! 부모는 그 변화를 봅니다. 리스트의 길이와 문자열마다의 자리는 만들 때 정해집니다. 더 긴 문자열은
//! 넣을 수 없고, 파이썬도 `ValueError`로 그렇게 알립니다.
//! Notice: the child attaches by the name and changes every item, even one's type (`None` becomes
//! `True`); the parent sees the changes. The list's length and each string's room are fixed when
//! it is made: a longer string is refused, as Python's `ValueError` says.

use common::process::Process;
use common::say;
use common::shm::{Item, ShareableList};

fn child(name: String) {
    let sl = ShareableList::attach(&name).expect("attach by name"); // 파이썬의 ShareableList(name=name)
    let Item::Int(n) = sl.get(0) else {
        panic!("an int")
    };
    let Item::Float(x) = sl.get(1) else {
        panic!("a float")
    };
    sl.set(0, Item::Int(n + 1)).expect("sl[0] = sl[0] + 1");
    sl.set(1, Item::Float(x * 2.0)).expect("sl[1] = sl[1] * 2");
    sl.set(2, Item::Str("TEXT".into())).expect("sl[2] = 'TEXT'");
    sl.set(3, Item::Bool(true)).expect("sl[3] = True");
    say!("child sees {sl}");
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    let items = [
        Item::Int(1),
        Item::Float(2.5),
        Item::Str("text".into()),
        Item::None,
    ];
    let sl = ShareableList::new(items).expect("create the list");
    say!("created {sl}");
    let mut p = Process::target(child, sl.shm().name().to_owned());
    p.start().expect("start the child");
    p.join();
    say!("parent sees {sl}");
    if let Err(error) = sl.set(2, Item::Str("a longer text".into())) {
        say!("ValueError: {error}"); // 'text'의 자리를 8바이트로 올림한 크기 (the room of 'text', rounded up to 8 bytes)
    }
    say!("len stays {}", sl.len());
    sl.shm().unlink().expect("unlink"); // 파이썬의 sl.shm.close(); sl.shm.unlink()
}
