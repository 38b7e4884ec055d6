//! The rows of the comparison: which Rust operation faces which CPython twin, and how many
//! units a CPython sample takes.

/// A row of the comparison: the Rust operation, its CPython twin and the target ratio.
pub(crate) struct Row {
    pub(crate) metric: &'static str,
    pub(crate) rust: &'static str,
    pub(crate) python: &'static str,
    pub(crate) target: Option<f64>,
}

pub(crate) const ROWS: &[Row] = &[
    Row {
        metric: "thread start+join",
        rust: "thread_start_join",
        python: "thread_start_join",
        target: None,
    },
    Row {
        metric: "process start+join (fork)",
        rust: "process_start_join",
        python: "process_start_join_fork",
        target: Some(10.0),
    },
    Row {
        metric: "process start+join (spawn)",
        rust: "process_start_join_spawn",
        python: "process_start_join_spawn",
        target: None,
    },
    Row {
        metric: "process start+join (forkserver)",
        rust: "process_start_join_forkserver",
        python: "process_start_join_forkserver",
        target: None,
    },
    Row {
        metric: "queue, small messages (ipc-channel)",
        rust: "queue_small_ipc",
        python: "queue_small",
        target: Some(10.0),
    },
    Row {
        metric: "queue, small messages, both on one core",
        rust: "queue_small_ipc@0",
        python: "queue_small@0",
        target: None,
    },
    Row {
        metric: "queue, small messages (crossbeam, one process)",
        rust: "queue_small_crossbeam",
        python: "queue_small",
        target: None,
    },
    Row {
        metric: "queue, 1 MiB messages",
        rust: "queue_1mib_ipc",
        python: "queue_1mib",
        target: None,
    },
    Row {
        metric: "pipe round trip",
        rust: "pipe_roundtrip",
        python: "pipe_roundtrip",
        target: Some(5.0),
    },
    Row {
        metric: "pipe round trip, both on one core",
        rust: "pipe_roundtrip@0",
        python: "pipe_roundtrip@0",
        target: None,
    },
    Row {
        metric: "shared counter, 2 processes (per increment)",
        rust: "shared_counter",
        python: "shared_counter",
        target: Some(50.0),
    },
    Row {
        metric: "Pool(4) kept, 200 maps of 100 items (per map)",
        rust: "pool_maps_small",
        python: "pool_maps_small",
        target: Some(10.0),
    },
    Row {
        metric: "Pool(4) kept, 10 maps of 100,000 items (per map)",
        rust: "pool_maps_big",
        python: "pool_maps_big",
        target: Some(5.0),
    },
    Row {
        metric: "Pool(2).map, 100k tiny tasks (per task)",
        rust: "pool_map_tiny",
        python: "pool_map_tiny",
        target: None,
    },
    Row {
        metric: "rayon vs Pool(2).map, 100k tiny tasks",
        rust: "rayon_map_tiny",
        python: "pool_map_tiny",
        target: None,
    },
    Row {
        metric: "Pool(2).map, 8 CPU-bound tasks",
        rust: "pool_map_cpu",
        python: "pool_map_cpu",
        target: None,
    },
    Row {
        metric: "rayon vs Pool(2).map, 8 CPU-bound tasks",
        rust: "rayon_map_cpu",
        python: "pool_map_cpu",
        target: None,
    },
    Row {
        metric: "Manager().dict() set+get round trip",
        rust: "manager_dict_roundtrip",
        python: "manager_dict_roundtrip",
        target: None,
    },
    Row {
        metric: "attach a named 1 MiB block and read it",
        rust: "shm_attach_read_1mib",
        python: "shm_attach_read_1mib",
        target: None,
    },
];

/// Units per sample on the CPython side (fewer where CPython is slow; the metric is per unit).
pub(crate) fn python_n(name: &str) -> u64 {
    match name {
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
