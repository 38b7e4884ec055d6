//! Why each exercise's starting state fails: what its report must say (the book's pages say the
//! same), in `exercises/info.toml`'s order.

/// The exercises, with what the starting state's report must say.
pub(super) const STARTS: &[(&str, &str)] = &[
    (
        "01-join-the-threads",
        "'sub thread end  thread 0' was never printed",
    ),
    ("02-move-the-name", "error[E0373]"),
    ("03-count-together", "error[E0499]"),
    ("04-end-the-consumer", "a hang). a sender was never dropped"),
    ("05-send-num-back", "the parent printed 42, not 43"),
    ("06-daemon-child", "'Sub Process end' was printed"),
    ("07-map-in-the-pool", "error[E0308]"),
    ("08-ping-pong", "a hang). one side waits to receive"),
    ("09-count-in-four-processes", "the total is 0, not 400000"),
    (
        "10-two-locks",
        "a hang). two locks are taken in opposite orders",
    ),
    (
        "11-dining-philosophers",
        "a hang). when everyone takes the same side's fork first",
    ),
    ("12-producer-and-consumer", "a hang). the consumer spins"),
    (
        "13-results-in-time",
        "a hang). something waits for the stuck task",
    ),
    (
        "14-as-they-come",
        "came only after the last task (1.5 s) finished",
    ),
    ("15-fresh-workers", "a worker did more than 2 tasks"),
    ("16-pairs-with-starmap", "error[E0308]: mismatched types"),
    (
        "17-keep-the-other-results",
        "a good task's result was lost to another's failure",
    ),
    (
        "18-drain-the-queue",
        "main stopped taking items before it came",
    ),
    (
        "19-the-end-marker",
        "a hang). both ends wait: the parent for the total",
    ),
    (
        "20-each-its-own-slice",
        "the parent's array is all 0: each child wrote to its own copy",
    ),
    (
        "21-share-a-dict",
        "each child changed its own copy of the dict",
    ),
    ("22-hold-the-lock", "not 2000000: additions were lost"),
    (
        "23-wait-in-a-loop",
        "was never printed: the consumers woke to an empty shelf",
    ),
    ("24-two-at-a-time", "were inside: at most two may be"),
    (
        "25-wait-for-the-go",
        "'worker 0 goes' was printed before 'main: go'",
    ),
    (
        "26-line-up-the-phases",
        "a worker went on before everyone had finished the phase before",
    ),
    (
        "27-wait-for-the-tasks",
        "main did not wait for the round's tasks",
    ),
    ("28-as-completed", "came only after the slow task"),
    ("29-gather-on-one-thread", "the waits ran one after another"),
    (
        "30-an-atomic-global",
        "error[E0133]: use of mutable static is unsafe",
    ),
    (
        "31-arc-not-rc",
        "error[E0277]: `Rc<Vec<u64>>` cannot be sent between threads safely",
    ),
    (
        "32-mutex-not-refcell",
        "error[E0277]: `RefCell<Vec<String>>` cannot be shared between threads safely",
    ),
    ("33-keep-a-copy", "error[E0382]: borrow of moved value: `w`"),
    (
        "34-return-what-you-own",
        "error[E0515]: cannot return value referencing local variable `loud`",
    ),
    ("35-pass-it-along", "the child greeted with nothing"),
    (
        "36-count-the-words",
        "pools.txt was counted in 'MainProcess', not in a pool worker",
    ),
];
