//! 4. 프로세스 간 객체 교환, beyond the notes — `shared_memory.SharedMemory`: a block found by its name.
//!
//! Run: `cargo run -p shared-memory` (and `cargo run -p shared-memory -- --leak`)
//! Notice: the child gets only the block's name, a string, and attaches to it: what it writes,
//! the parent reads. After `unlink` the name is gone and attaching fails. With `--leak`, a block
//! is left without `unlink`: when the program ends, the resource tracker, a process of its own,
//! unlinks it and says so on stderr, as Python's does.

use common::process::Process;
use common::say;
use common::shm::SharedMemory;

fn child(name: String) {
    let shm = SharedMemory::attach(&name).expect("attach by name"); // SharedMemory(name=name)
    shm.write(0, b"hello"); // shm.buf[:5] = b"hello"
    say!("child wrote into {}", shm.name());
    shm.close();
}

fn main() {
    common::init(); // if __name__ == '__main__':
    let shm = SharedMemory::create(16).expect("create the block"); // create=True, size=16
    say!("created {} of {} bytes", shm.name(), shm.size());
    let mut p = Process::target(child, shm.name().to_owned());
    p.start().expect("start the child");
    p.join();
    let bytes = shm.read(0, 5);
    say!("parent reads b'{}'", String::from_utf8_lossy(&bytes)); // b'hello'
    let name = shm.name().to_owned();
    shm.unlink().expect("unlink"); // the name goes; our mapping stays until close
    shm.close();
    if let Err(error) = SharedMemory::attach(&name) {
        assert_eq!(error.kind(), std::io::ErrorKind::NotFound); // FileNotFoundError
        say!("after unlink, nobody can attach: {name}");
    }
    if std::env::args().any(|arg| arg == "--leak") {
        let leaked = SharedMemory::create(16).expect("create another block");
        say!("left without unlink: {}", leaked.name());
    }
}
