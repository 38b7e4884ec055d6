//! Named shared memory (`common::shm::SharedMemory`) between real processes, and its tracker.

mod support;

use common::process::{Process, StartMethod};
use common::shm::{Item, ShareableList, SharedMemory, SharedMemoryManager};
use std::time::{Duration, Instant};

fn main() -> std::process::ExitCode {
    common::init(); // a spawned child runs its target here
    support::run(tests![
        garbage_on_the_trackers_pipe_costs_the_others_nothing,
        a_stopped_tracker_does_not_stop_the_program,
        a_child_attaches_by_the_name_alone,
        a_block_given_as_an_argument_arrives_by_name,
        attaching_to_a_missing_name_is_an_error_naming_it,
        bad_sizes_and_names_are_errors,
        a_block_left_by_a_killed_process_is_unlinked_by_its_tracker,
        a_child_that_registers_a_thousand_blocks_leaves_the_others_tracked,
        a_shareable_list_keeps_its_length_and_each_items_room,
        a_shared_memory_manager_unlinks_its_blocks_when_it_ends,
        copies_in_and_out_are_exact_at_every_alignment,
    ])
}

/// The tracker stopped (SIGSTOP): the program's creates go on. Its pipe holds 256 records; the
/// next create waits 5 s for room, then it and the later ones go on untracked (a warning says
/// so) until the tracker reads again. Before, a create after the 256th waited for ever. In a
/// spawned child, whose first block starts a tracker of its own, a child of it (a subreaper).
fn a_stopped_tracker_does_not_stop_the_program() {
    use ipc_channel::ipc::IpcSender;
    let (put, took) = ipc_channel::ipc::channel::<u64>().expect("channel");
    let mut p = Process::target(
        |put: IpcSender<u64>| {
            use nix::sys::signal::{Signal, kill};
            nix::sys::prctl::set_child_subreaper(true).expect("a subreaper");
            let me = std::process::id();
            let first = SharedMemory::create(8).expect("the first block, which starts the tracker");
            let tracker = nix::unistd::Pid::from_raw(children_of(me)[0] as i32);
            kill(tracker, Signal::SIGSTOP).expect("stop the tracker");
            let started = Instant::now();
            let blocks: Vec<SharedMemory> = (0..300)
                .map(|_| SharedMemory::create(8).expect("a block"))
                .collect();
            put.send(started.elapsed().as_millis() as u64)
                .expect("send");
            kill(tracker, Signal::SIGCONT).expect("the tracker goes on");
            for block in blocks.into_iter().chain([first]) {
                block.unlink().expect("unlink");
            }
        },
        put,
    )
    .start_method(StartMethod::Spawn);
    p.start().expect("start");
    let took = common::ipc::recv_from(&took, &mut p).expect("how long the creates took");
    p.join();
    eprintln!("300 blocks created while the tracker was stopped in {took} ms");
    assert!(took < 30_000, "{took} ms");
    assert_eq!(p.exitcode(), Some(0));
}

/// The PIDs of `pid`'s children, from `/proc`.
fn children_of(pid: u32) -> Vec<u32> {
    let mut children = Vec::new();
    for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        let Some((head, rest)) = stat.rsplit_once(") ") else {
            continue;
        };
        let ppid = rest.split(' ').nth(1).and_then(|p| p.parse::<u32>().ok());
        if ppid == Some(pid) {
            children.extend(head.split(' ').next().and_then(|p| p.parse::<u32>().ok()));
        }
    }
    children
}

fn in_dev_shm(name: &str) -> bool {
    std::path::Path::new("/dev/shm").join(name).exists()
}

fn a_child_attaches_by_the_name_alone() {
    let block = SharedMemory::create(64).expect("create");
    assert!(block.name().starts_with("psm_") && in_dev_shm(block.name()));
    let name = block.name().to_owned();
    let mut p = Process::target(
        |name: String| {
            let block = SharedMemory::attach(&name).expect("attach");
            assert_eq!(block.size(), 64);
            block.write(10, b"from the child");
        },
        name,
    );
    p.start().expect("start");
    p.join();
    assert_eq!(p.exitcode(), Some(0));
    assert_eq!(block.read(10, 14), b"from the child");
    block.unlink().expect("unlink");
    assert!(!in_dev_shm(block.name()));
}

fn a_block_given_as_an_argument_arrives_by_name() {
    let block = SharedMemory::create_named("psm_common_test_arg", 8).expect("create");
    let p = Process::target(
        |b: SharedMemory| b.write(0, &[7; 8]),
        block.clone_by_name().expect("attach"),
    );
    let mut p = p;
    p.start().expect("start");
    p.join();
    assert_eq!(p.exitcode(), Some(0));
    assert_eq!(block.read(0, 8), [7; 8]);
    block.unlink().expect("unlink");
}

fn attaching_to_a_missing_name_is_an_error_naming_it() {
    let error = SharedMemory::attach("psm_nobody_made_this").expect_err("missing");
    assert_eq!(error.kind(), std::io::ErrorKind::NotFound);
    assert!(
        error.to_string().contains("psm_nobody_made_this"),
        "{error}"
    );
}

fn bad_sizes_and_names_are_errors() {
    let zero = SharedMemory::create(0).expect_err("size 0");
    assert!(
        zero.to_string()
            .contains("'size' must be a positive number"),
        "{zero}"
    );
    assert!(SharedMemory::create_named("a/b", 8).is_err());
    let block = SharedMemory::create_named("psm_common_test_twice", 8).expect("create");
    let twice = SharedMemory::create_named("psm_common_test_twice", 8).expect_err("exists");
    assert_eq!(twice.kind(), std::io::ErrorKind::AlreadyExists);
    block.unlink().expect("unlink");
}

/// A program that made a block and was killed (SIGKILL: no destructor, no exit rule) leaves it
/// in `/dev/shm` only until its tracker sees the last holder of its pipe go. (Spawned, so that
/// it has a tracker of its own: a forked child shares its parent's, as in Python, which would
/// wait for this test program to end.)
fn a_block_left_by_a_killed_process_is_unlinked_by_its_tracker() {
    let (put, names) = ipc_channel::ipc::channel::<String>().expect("queue");
    let mut p = Process::target(
        |put: ipc_channel::ipc::IpcSender<String>| {
            let block = SharedMemory::create(8).expect("create");
            put.send(block.name().to_owned()).expect("send");
            loop {
                std::thread::sleep(Duration::from_secs(1));
            }
        },
        put,
    )
    .start_method(StartMethod::Spawn);
    p.start().expect("start");
    let name = names.recv().expect("the block's name");
    assert!(in_dev_shm(&name));
    p.kill();
    p.join();
    let deadline = Instant::now() + Duration::from_secs(10);
    while in_dev_shm(&name) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(!in_dev_shm(&name), "{name} is still in /dev/shm");
}

/// A writer gone wrong on the tracker's pipe (a forked child holds it too): 10 bytes, then 300
/// of noise. The tracker drops what is not a record and goes on: the program's block made
/// before and the one made after are both unlinked when the program is killed. With a plain
/// pipe the short write ended the tracker's reading: it unlinked every block at once, live ones
/// included, and exited, so the block made after was never tracked (seen: left in /dev/shm).
fn garbage_on_the_trackers_pipe_costs_the_others_nothing() {
    let (put, names) = ipc_channel::ipc::channel::<String>().expect("queue");
    let mut p = Process::target(
        |put: ipc_channel::ipc::IpcSender<String>| {
            let before = SharedMemory::create(8).expect("the block made before");
            let mut liar = Process::target(
                || {
                    common::shm::write_raw_to_the_tracker(&[7; 10]);
                    common::shm::write_raw_to_the_tracker(&[9; 300]);
                },
                (),
            )
            .start_method(StartMethod::Fork);
            liar.start().expect("start the liar");
            liar.join();
            let after = SharedMemory::create(8).expect("the block made after");
            for block in [&before, &after] {
                put.send(block.name().to_owned()).expect("send");
            }
            loop {
                std::thread::sleep(Duration::from_secs(1));
            }
        },
        put,
    )
    .start_method(StartMethod::Spawn);
    p.start().expect("start");
    let both: Vec<String> = (0..2).map(|_| names.recv().expect("a name")).collect();
    assert!(both.iter().all(|name| in_dev_shm(name)), "{both:?}");
    p.kill();
    p.join();
    let deadline = Instant::now() + Duration::from_secs(10);
    while both.iter().any(|name| in_dev_shm(name)) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    let left: Vec<&String> = both.iter().filter(|name| in_dev_shm(name)).collect();
    for name in &left {
        let _ = std::fs::remove_file(std::path::Path::new("/dev/shm").join(name));
    }
    assert!(left.is_empty(), "left in /dev/shm: {left:?}");
}

/// A forked child that registers a thousand blocks with the tracker it shares (more than its
/// first table's 256) costs the others nothing: the program's own blocks, made before and after,
/// are still unlinked when it is killed, and so are the child's. Nothing is left in `/dev/shm`.
fn a_child_that_registers_a_thousand_blocks_leaves_the_others_tracked() {
    use ipc_channel::ipc::IpcSender;
    let (put, names) = ipc_channel::ipc::channel::<String>().expect("queue");
    let mut p = Process::target(
        |put: IpcSender<String>| {
            let first = SharedMemory::create(8).expect("the program's first block");
            put.send(first.name().to_owned()).expect("send");
            let mut child = Process::target(
                |put: IpcSender<String>| {
                    for _ in 0..1_000 {
                        let block = SharedMemory::create(8).expect("a child's block");
                        put.send(block.name().to_owned()).expect("send");
                    }
                },
                put.clone(),
            )
            .start_method(StartMethod::Fork);
            child.start().expect("start the child");
            child.join();
            let last = SharedMemory::create(8).expect("the program's block after");
            put.send(last.name().to_owned()).expect("send");
            loop {
                std::thread::sleep(Duration::from_secs(1));
            }
        },
        put,
    )
    .start_method(StartMethod::Spawn);
    p.start().expect("start");
    let all: Vec<String> = (0..1_002).map(|_| names.recv().expect("a name")).collect();
    p.kill();
    p.join();
    let deadline = Instant::now() + Duration::from_secs(10);
    let left = || all.iter().filter(|name| in_dev_shm(name)).count();
    while left() > 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    let left: Vec<&String> = all.iter().filter(|name| in_dev_shm(name)).collect();
    for name in &left {
        let _ = std::fs::remove_file(std::path::Path::new("/dev/shm").join(name));
    }
    assert!(
        left.is_empty(),
        "{} of 1,002 blocks left in /dev/shm, the program's last among them: {}",
        left.len(),
        left.contains(&&all[1_001])
    );
}

/// Python's limits: the length is fixed; a string or bytes keep the room they were made with
/// (rounded up to 8); a number, a bool or `None` have 8 bytes, which a short string fits.
fn a_shareable_list_keeps_its_length_and_each_items_room() {
    let items = [Item::Str("abc".into()), Item::None, Item::Bytes(vec![1; 9])];
    let list = ShareableList::new(items).expect("create");
    assert_eq!(list.len(), 3);
    list.set(0, Item::Str("8 bytes!".into()))
        .expect("fits the 8 bytes of 'abc'");
    assert!(list.set(0, Item::Str("9 bytes!!".into())).is_err());
    list.set(1, Item::Str("12345678".into()))
        .expect("None's 8 bytes");
    list.set(2, Item::Bytes(vec![2; 16]))
        .expect("9 bytes are given 16");
    list.set(2, Item::Float(-0.5)).expect("another type");
    let other = ShareableList::attach(list.shm().name()).expect("attach");
    assert_eq!(
        other.to_string(),
        "['8 bytes!', '12345678', -0.5]",
        "the other handle reads what this one wrote"
    );
    let block = SharedMemory::create(4).expect("a block too small for a list");
    assert!(ShareableList::attach(block.name()).is_err());
    block.unlink().expect("unlink");
    list.shm().unlink().expect("unlink");
}

/// Python's `with SharedMemoryManager() as smm:`: what it made is gone after the block, even a
/// block a child still had mapped; one the program unlinked itself is skipped quietly.
fn a_shared_memory_manager_unlinks_its_blocks_when_it_ends() {
    let names = {
        let smm = SharedMemoryManager::new();
        let block = smm.shared_memory(32).expect("block");
        let list = smm.shareable_list([Item::Int(1)]).expect("list");
        let early = smm.shared_memory(8).expect("another");
        early.unlink().expect("unlinked by the program");
        let mut p = Process::target(
            |name: String| SharedMemory::attach(&name).expect("attach").write(0, b"x"),
            block.name().to_owned(),
        );
        p.start().expect("start");
        p.join();
        assert_eq!(block.read(0, 1), b"x");
        vec![block.name().to_owned(), list.shm().name().to_owned()]
    };
    for name in names {
        assert!(!in_dev_shm(&name), "{name} is still in /dev/shm");
    }
}

fn copies_in_and_out_are_exact_at_every_alignment() {
    // 64 bytes: aligned words in the middle, loose bytes at both ends of most ranges.
    let block = SharedMemory::create(64).expect("create");
    let pattern: Vec<u8> = (1..=64).collect();
    block.write(0, &pattern);
    for offset in 0..=20 {
        for len in 0..=30 {
            assert_eq!(
                block.read(offset, len),
                pattern[offset..offset + len],
                "read({offset}, {len})"
            );
        }
    }
    // Past the end, clipped as a Python slice is.
    assert_eq!(block.read(60, 10), pattern[60..]);
    assert_eq!(block.read(70, 10), Vec::<u8>::new());
    block.write(3, &[0; 21]);
    assert_eq!(
        block.read(0, 26),
        [&pattern[..3], &[0; 21][..], &pattern[24..26]].concat()
    );
    block.unlink().expect("unlink");
}
