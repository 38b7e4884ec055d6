//! Which start method this program uses: chosen once, as Python's `set_start_method` is.

pub use crate::config::StartMethod;
use std::fmt;
use std::sync::OnceLock;

/// The program's method, fixed by the first of [`set_start_method`], [`get_start_method`] or a
/// `start` that uses the default.
static METHOD: OnceLock<StartMethod> = OnceLock::new();

/// `set_start_method` after the method was fixed: Python's `RuntimeError('context has already been
/// set')`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlreadySet {
    /// The method in force.
    pub method: StartMethod,
}

impl fmt::Display for AlreadySet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "context has already been set (to {}): set_start_method comes once, before the first start",
            self.method
        )
    }
}

impl std::error::Error for AlreadySet {}

/// Python's `multiprocessing.set_start_method(method)`: how every later
/// [`super::Process::start`] starts its child. Once, and before any start; `TUTORIAL_START_METHOD`
/// gives the default it replaces.
///
/// ```
/// use common::process::{StartMethod, get_start_method, set_start_method};
/// set_start_method(StartMethod::Spawn).unwrap();
/// assert_eq!(get_start_method(), StartMethod::Spawn);
/// assert!(set_start_method(StartMethod::Fork).is_err());
/// ```
pub fn set_start_method(method: StartMethod) -> Result<(), AlreadySet> {
    METHOD.set(method).map_err(|_| AlreadySet {
        method: get_start_method(),
    })
}

/// Python's `multiprocessing.get_start_method()`: the method in force, fixing the default if none
/// was set. The default is `TUTORIAL_START_METHOD` when set, else `fork`: the method every
/// recording of this workspace was made with, and safe here because `start` refuses to fork a
/// process that runs threads (the danger for which Python 3.14 made `forkserver` Linux's default).
pub fn get_start_method() -> StartMethod {
    *METHOD.get_or_init(|| {
        crate::config::get()
            .start_method
            .unwrap_or(StartMethod::Fork)
    })
}

/// In a spawned child: its parent's method, as Python's spawned child takes its parent's.
pub(super) fn inherit(method: StartMethod) {
    let _ = METHOD.set(method);
}
