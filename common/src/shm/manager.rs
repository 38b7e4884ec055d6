//! Python's `shared_memory.SharedMemoryManager`: blocks made through it are unlinked when it ends.

use super::{Item, ShareableList, SharedMemory};
use std::io;
use std::sync::Mutex;

/// Makes named blocks and unlinks every one of them when dropped: Python's
/// `with SharedMemoryManager() as smm:`. Python's is a server process of its own; this one is a
/// value in the process that owns the blocks (the resource tracker still covers a process that is
/// killed before the drop).
///
/// ```
/// use common::shm::SharedMemoryManager;
/// let name = {
///     let smm = SharedMemoryManager::new();
///     let block = smm.shared_memory(64).unwrap();
///     block.name().to_owned()
/// }; // the end of the `with` block
/// assert!(common::shm::SharedMemory::attach(&name).is_err());
/// ```
#[derive(Debug, Default)]
pub struct SharedMemoryManager {
    names: Mutex<Vec<String>>,
}

impl SharedMemoryManager {
    /// A manager with no blocks yet.
    pub fn new() -> Self {
        Self::default()
    }

    fn keep(&self, name: &str) {
        self.names
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(name.to_owned());
    }

    /// A new block of `size` bytes: Python's `smm.SharedMemory(size)`.
    pub fn shared_memory(&self, size: usize) -> io::Result<SharedMemory> {
        let block = SharedMemory::create(size)?;
        self.keep(block.name());
        Ok(block)
    }

    /// A new list: Python's `smm.ShareableList(items)`.
    pub fn shareable_list(
        &self,
        items: impl IntoIterator<Item = Item>,
    ) -> io::Result<ShareableList> {
        let list = ShareableList::new(items)?;
        self.keep(list.shm().name());
        Ok(list)
    }
}

impl Drop for SharedMemoryManager {
    /// Unlinks every block it made that is still there (one already unlinked is skipped).
    fn drop(&mut self) {
        let names = std::mem::take(&mut *self.names.lock().unwrap_or_else(|e| e.into_inner()));
        for name in names {
            if let Ok(block) = SharedMemory::attach(&name) {
                let _ = block.unlink();
            }
        }
    }
}
