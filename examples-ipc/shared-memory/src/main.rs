//! 4. 프로세스 간 객체 교환, beyond the notes — `shared_memory.SharedMemory`: a block found by its name.
//!
//! 실행 / Run: `cargo run -p shared-memory`
//! (그리고 / and `cargo run -p shared-memory -- --leak`)
//! 눈여겨볼 점: 자식은 블록의 이름, 곧 문자열 하나만 받아서 그 블록에 붙습니다. 자식이 쓴 것을 부모가
//! 읽습니다. `unlink` 뒤에는 이름이 사라져서 붙을 수 없습니다. `--leak`을 주면 블록 하나를 `unlink`
//! 없이 남겨 둡니다. 프로그램이 끝날 때 별도 프로세스인 리소스 트래커가 그 블록을 unlink하고, 파이썬의
//! 트래커처럼 stderr에 그렇다고 알립니다.
//! Notice: the child gets only the block's name, a string, and attaches to it: what it writes,
//! the parent reads. After `unlink` the name is gone and attaching fails. With `--leak`, a block
//! is left without `unlink`: when the program ends, the resource tracker, a process of its own,
//! unlinks it and says so on stderr, as Python's does.

use common::process::Process;
use common::say;
use common::shm::SharedMemory;

fn child(name: String) {
    let shm = SharedMemory::attach(&name).expect("attach by name"); // 파이썬의 SharedMemory(name=name)
    shm.write(0, b"hello"); // 파이썬의 shm.buf[:5] = b"hello"
    say!("child wrote into {}", shm.name());
    shm.close();
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    let shm = SharedMemory::create(16).expect("create the block"); // 파이썬의 create=True, size=16
    say!("created {} of {} bytes", shm.name(), shm.size());
    let mut p = Process::target(child, shm.name().to_owned());
    p.start().expect("start the child");
    p.join();
    let bytes = shm.read(0, 5);
    say!("parent reads b'{}'", String::from_utf8_lossy(&bytes)); // 출력: b'hello'
    let name = shm.name().to_owned();
    shm.unlink().expect("unlink"); // 이름은 사라지고, 이 프로세스의 매핑은 close까지 남음 (the name goes; our mapping stays until close)
    shm.close();
    if let Err(error) = SharedMemory::attach(&name) {
        assert_eq!(error.kind(), std::io::ErrorKind::NotFound); // 파이썬의 FileNotFoundError
        say!("after unlink, nobody can attach: {name}");
    }
    if std::env::args().any(|arg| arg == "--leak") {
        let leaked = SharedMemory::create(16).expect("create another block");
        say!("left without unlink: {}", leaked.name());
    }
}
