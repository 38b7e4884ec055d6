//! The rows of the comparison: which Rust operation faces which CPython twin, its mark, the
//! floor it is read against, and how many units a CPython sample takes.

/// A row of the comparison. An operation's name ending in `@0` runs pinned to core 0.
pub(crate) struct Row {
    pub(crate) metric: &'static str,
    pub(crate) rust: &'static str,
    pub(crate) python: &'static str,
    /// The ratio (CPython / Rust) to meet; every row without one is to be at least 1.0x.
    pub(crate) target: Option<f64>,
    /// For a row that waits on another process: the floor it pays (a raw round trip, the Rust
    /// side's, on the same cores).
    pub(crate) floor: Option<&'static str>,
}

const fn row(
    metric: &'static str,
    (rust, python): (&'static str, &'static str),
    target: Option<f64>,
    floor: Option<&'static str>,
) -> Row {
    Row {
        metric,
        rust,
        python,
        target,
        floor,
    }
}

const ACROSS: Option<&str> = Some("floor_roundtrip");
const ONE_CORE: Option<&str> = Some("floor_roundtrip@0");

pub(crate) const ROWS: &[Row] = &[
    row(
        "floor: 1 byte each way on raw pipes",
        ("floor_roundtrip", "floor_roundtrip"),
        None,
        ACROSS,
    ),
    row(
        "floor, both on one core",
        ("floor_roundtrip@0", "floor_roundtrip@0"),
        None,
        ONE_CORE,
    ),
    row(
        "thread start+join",
        ("thread_start_join", "thread_start_join"),
        None,
        None,
    ),
    row(
        "process start+join (fork)",
        ("process_start_join", "process_start_join_fork"),
        Some(10.0),
        None,
    ),
    row(
        "process start+join (spawn)",
        ("process_start_join_spawn", "process_start_join_spawn"),
        None,
        None,
    ),
    row(
        "process start+join (forkserver)",
        (
            "process_start_join_forkserver",
            "process_start_join_forkserver",
        ),
        None,
        None,
    ),
    row(
        "queue, small messages (ipc-channel)",
        ("queue_small_ipc", "queue_small"),
        Some(10.0),
        ACROSS,
    ),
    row(
        "queue, small messages, both on one core",
        ("queue_small_ipc@0", "queue_small@0"),
        None,
        ONE_CORE,
    ),
    row(
        "queue, small messages (crossbeam, one process)",
        ("queue_small_crossbeam", "queue_small"),
        None,
        None,
    ),
    row(
        "queue, 1 MiB messages",
        ("queue_1mib_ipc", "queue_1mib"),
        None,
        ACROSS,
    ),
    row(
        "pipe round trip",
        ("pipe_roundtrip", "pipe_roundtrip"),
        Some(1.2),
        ACROSS,
    ),
    row(
        "pipe round trip, both on one core",
        ("pipe_roundtrip@0", "pipe_roundtrip@0"),
        Some(3.0),
        ONE_CORE,
    ),
    row(
        "shared counter, 2 processes (per increment)",
        ("shared_counter", "shared_counter"),
        Some(50.0),
        None,
    ),
    row(
        "Pool(4) kept, 200 maps of 100 items (per map)",
        ("pool_maps_small", "pool_maps_small"),
        Some(10.0),
        ACROSS,
    ),
    row(
        "Pool(4) kept, 10 maps of 100,000 items (per map)",
        ("pool_maps_big", "pool_maps_big"),
        Some(8.0),
        ACROSS,
    ),
    row(
        "Pool(2).map, 100k tiny tasks (per task)",
        ("pool_map_tiny", "pool_map_tiny"),
        None,
        None,
    ),
    row(
        "rayon vs Pool(2).map, 100k tiny tasks",
        ("rayon_map_tiny", "pool_map_tiny"),
        None,
        None,
    ),
    row(
        "Pool(2).map, 8 CPU-bound tasks",
        ("pool_map_cpu", "pool_map_cpu"),
        None,
        None,
    ),
    row(
        "rayon vs Pool(2).map, 8 CPU-bound tasks",
        ("rayon_map_cpu", "pool_map_cpu"),
        None,
        None,
    ),
    row(
        "Manager().dict() set+get round trip",
        ("manager_dict_roundtrip", "manager_dict_roundtrip"),
        Some(1.3),
        ACROSS,
    ),
    row(
        "attach a named 1 MiB block and read it",
        ("shm_attach_read_1mib", "shm_attach_read_1mib"),
        None,
        None,
    ),
];

/// The wake-up table: how the other process waits, and the operation that measures it, each run
/// across cores and pinned to one.
pub(crate) const WAKE: &[(&str, &str)] = &[
    ("blocks in `read` on a pipe (the floor)", "floor_roundtrip"),
    ("blocks on a futex at once", "wake_futex"),
    ("spins up to 1 µs, then blocks", "wake_spin_1us"),
    ("spins up to 10 µs, then blocks", "wake_spin_10us"),
    ("spins up to 100 µs, then blocks", "wake_spin_100us"),
];

/// The pinned runs of [`WAKE`].
pub(crate) const WAKE_PINNED: &[&str] = &[
    "floor_roundtrip@0",
    "wake_futex@0",
    "wake_spin_1us@0",
    "wake_spin_10us@0",
    "wake_spin_100us@0",
];

/// Units per sample on the CPython side (fewer where CPython is slow; the metric is per unit).
pub(crate) fn python_n(name: &str) -> u64 {
    match name {
        "floor_roundtrip" => 5_000,
        "thread_start_join" => 2_000,
        "process_start_join_fork" => 100,
        "process_start_join_spawn" => 10,
        "process_start_join_forkserver" => 50,
        "queue_small" => 20_000,
        "queue_1mib" => 50,
        "pipe_roundtrip" => 5_000,
        "shared_counter" => 200_000,
        "pool_map_tiny" => 100_000,
        "pool_maps_small" => 200,
        "pool_maps_big" => 10,
        "manager_dict_roundtrip" => 2_000,
        "shm_attach_read_1mib" => 100,
        _ => 1,
    }
}
