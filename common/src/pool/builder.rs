//! Python's `Pool(processes, initializer, maxtasksperchild)`, option by option; `build` starts
//! the fork server and the workers.

use super::coordinator::Coordinator;
use super::server::{self, WorkerConfig};
use super::slots::Slots;
use super::{Pool, PoolError};
use crate::process::{Process, StartMethod, get_start_method};

/// The options of Python's `Pool(processes, initializer, maxtasksperchild)`.
#[derive(Debug, Clone, Default)]
pub struct Builder {
    processes: Option<usize>,
    maxtasksperchild: Option<usize>,
    initializer: Option<fn()>,
    method: Option<StartMethod>,
}

impl Builder {
    /// How many workers (Python's default, as here: the number of CPUs).
    pub fn processes(mut self, n: usize) -> Self {
        self.processes = Some(n);
        self
    }

    /// A worker exits after this many tasks (chunks) and a new one takes its place.
    pub fn maxtasksperchild(mut self, tasks: usize) -> Self {
        self.maxtasksperchild = Some(tasks);
        self
    }

    /// Runs once in every worker as it starts, replacements included.
    pub fn initializer(mut self, f: fn()) -> Self {
        self.initializer = Some(f);
        self
    }

    /// Starts the pool's server with `method`, whatever the program's: Python's
    /// `multiprocessing.get_context(method).Pool(...)`.
    pub fn start_method(mut self, method: StartMethod) -> Self {
        self.method = Some(method);
        self
    }

    /// Starts the fork server and the workers, and waits until all have started.
    ///
    /// The server is started by the start method ([`get_start_method`], or
    /// [`Builder::start_method`]): forked from the program, run afresh (`spawn`), or forked by the
    /// program's fork server. Under `fork`, like [`Process::start`], it must be called while the
    /// program has a single thread ([`PoolError::Start`] otherwise).
    pub fn build(self) -> Result<Pool, PoolError> {
        let processes = self
            .processes
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
        if processes == 0 {
            return Err(PoolError::NoProcesses);
        }
        if self.maxtasksperchild == Some(0) {
            return Err(PoolError::ZeroMaxTasks);
        }
        let (commands, inbox) = ipc_channel::ipc::channel().map_err(PoolError::Channel)?;
        let (to_program, replies) = ipc_channel::ipc::channel().map_err(PoolError::Channel)?;
        let config = WorkerConfig::new(self.maxtasksperchild, self.initializer);
        let method = self.method.unwrap_or_else(get_start_method);
        let mut server = Process::target(server::serve, (inbox, to_program, config))
            .name("ForkServer")
            .daemon(true)
            .start_method(method);
        server.start().map_err(PoolError::Start)?;
        let slots = Slots::new(processes, self.maxtasksperchild);
        let mut coordinator = Coordinator::new(server, commands, replies, slots);
        coordinator.start_workers()?;
        Ok(Pool::from(coordinator))
    }
}
