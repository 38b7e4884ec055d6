//! What tests read out of a run, so that no test parses it by hand: a number a line prints, the
//! pool's workers.

use crate::run::Run;
use std::collections::BTreeSet;
use std::str::FromStr;

/// Whether `process` is the name of a pool worker (`ForkPoolWorker-N`, as Python names them).
pub fn is_pool_worker(process: &str) -> bool {
    process
        .strip_prefix("ForkPoolWorker-")
        .is_some_and(|n| n.parse::<u32>().is_ok())
}

impl Run {
    /// The number after `prefix` on the first line that starts with it (`"total: "` on
    /// `"total: 42"`); fails the test if there is no such line or no number.
    #[track_caller]
    pub fn number_after<N: FromStr>(&self, prefix: &str) -> N {
        self.stdout
            .iter()
            .find_map(|line| line.strip_prefix(prefix))
            .and_then(|rest| rest.trim().parse().ok())
            .unwrap_or_else(|| self.fail(&format!("no line \"{prefix}<a number>\"")))
    }

    /// The PIDs of the pool's workers, from the trace (each has at least its `process_exit`,
    /// its own or, when a signal killed it, its server's).
    pub fn pool_worker_pids(&self) -> BTreeSet<u32> {
        self.events
            .iter()
            .filter(|e| is_pool_worker(&e.process))
            .map(|e| e.pid)
            .collect()
    }

    /// The names of the pool's workers, from the trace.
    pub fn pool_worker_names(&self) -> BTreeSet<&str> {
        self.events
            .iter()
            .filter(|e| is_pool_worker(&e.process))
            .map(|e| e.process.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::is_pool_worker;

    #[test]
    fn a_pool_worker_is_named_as_python_names_it() {
        assert!(is_pool_worker("ForkPoolWorker-12"));
        assert!(!is_pool_worker("ForkPoolWorker-"));
        assert!(!is_pool_worker("ForkServer"));
    }
}
