//! Python's `shared_memory.ShareableList`: a fixed-length list of numbers, strings, bytes and
//! `None` in a named block, which any process attaches to by the name.
//!
//! The block holds, in order: the length (8 bytes); per item a tag (8 bytes: which type it holds
//! now and how many bytes) and its place (offset, capacity: 8 bytes each); then the items. An
//! item's capacity is fixed at creation: 8 bytes for a number, a bool or `None`, and a string's or
//! bytes' length rounded up to 8, as Python allots it. Any item may later take another type that
//! fits; a longer string is an error, as in Python. Items are read and written byte by byte with
//! atomics, with no lock: as in Python, a reader may see half of a concurrent write.

use super::SharedMemory;
use std::fmt;
use std::io;

/// One item: the types Python's `ShareableList` holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// `int` (64 bits, as Python packs it with `q`).
    Int(i64),
    /// `float`.
    Float(f64),
    /// `bool`.
    Bool(bool),
    /// `str`, stored as UTF-8.
    Str(String),
    /// `bytes`.
    Bytes(Vec<u8>),
    /// `None`.
    None,
}

/// Python's `repr` of the item: `1`, `2.5`, `'text'`, `b'..'`, `True`, `None`.
impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Int(n) => write!(f, "{n}"),
            Item::Float(x) if x.fract() == 0.0 && x.is_finite() => write!(f, "{x:.1}"),
            Item::Float(x) => write!(f, "{x}"),
            Item::Bool(b) => f.write_str(if *b { "True" } else { "False" }),
            Item::Str(s) => write!(f, "'{s}'"),
            Item::Bytes(b) => write!(f, "b'{}'", b.escape_ascii()),
            Item::None => f.write_str("None"),
        }
    }
}

impl Item {
    /// Its tag (the type, in the low byte) and its bytes.
    fn encode(&self) -> (u8, Vec<u8>) {
        match self {
            Item::Int(n) => (1, n.to_le_bytes().to_vec()),
            Item::Float(x) => (2, x.to_le_bytes().to_vec()),
            Item::Bool(b) => (3, vec![u8::from(*b)]),
            Item::Str(s) => (4, s.as_bytes().to_vec()),
            Item::Bytes(b) => (5, b.clone()),
            Item::None => (6, Vec::new()),
        }
    }

    fn decode(kind: u8, bytes: &[u8]) -> Item {
        let word = || <[u8; 8]>::try_from(bytes).unwrap_or_default();
        match kind {
            1 => Item::Int(i64::from_le_bytes(word())),
            2 => Item::Float(f64::from_le_bytes(word())),
            3 => Item::Bool(bytes.first() == Some(&1)),
            4 => Item::Str(String::from_utf8_lossy(bytes).into_owned()),
            5 => Item::Bytes(bytes.to_vec()),
            _ => Item::None,
        }
    }
}

/// Python's `ShareableList`.
#[derive(Debug)]
pub struct ShareableList {
    shm: SharedMemory,
    len: usize,
}

const WORD: usize = 8;

impl ShareableList {
    /// A new list in a new named block: Python's `ShareableList([1, 2.5, "text", None])`.
    ///
    /// ```
    /// use common::shm::{Item, ShareableList};
    /// let list = ShareableList::new([Item::Int(1), Item::Str("text".into())]).unwrap();
    /// let other = ShareableList::attach(list.shm().name()).unwrap();
    /// other.set(0, Item::Int(2)).unwrap();
    /// assert_eq!(list.to_string(), "[2, 'text']");
    /// list.shm().unlink().unwrap();
    /// ```
    pub fn new(items: impl IntoIterator<Item = Item>) -> io::Result<Self> {
        let items: Vec<Item> = items.into_iter().collect();
        let encoded: Vec<(u8, Vec<u8>)> = items.iter().map(Item::encode).collect();
        let header = WORD + items.len() * 3 * WORD;
        let capacities: Vec<usize> = encoded
            .iter()
            .map(|(_, bytes)| bytes.len().next_multiple_of(WORD).max(WORD))
            .collect();
        let shm = SharedMemory::create(header + capacities.iter().sum::<usize>())?;
        shm.write(0, &(items.len() as u64).to_le_bytes());
        let mut offset = header;
        for (index, capacity) in capacities.iter().enumerate() {
            let place = WORD + index * 3 * WORD + WORD;
            shm.write(place, &(offset as u64).to_le_bytes());
            shm.write(place + WORD, &(*capacity as u64).to_le_bytes());
            offset += capacity;
        }
        let list = ShareableList {
            shm,
            len: items.len(),
        };
        for (index, item) in items.into_iter().enumerate() {
            list.set(index, item)?;
        }
        Ok(list)
    }

    /// The list in the block named `name`: Python's `ShareableList(name=name)`.
    pub fn attach(name: &str) -> io::Result<Self> {
        let shm = SharedMemory::attach(name)?;
        let len = shm.size().checked_sub(WORD).map_or(0, |_| word(&shm, 0));
        if WORD + len.saturating_mul(3 * WORD) > shm.size() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{name:?} does not hold a ShareableList"),
            ));
        }
        Ok(ShareableList { shm, len })
    }

    /// Its block: Python's `sl.shm` (`name()`, `close()`, `unlink()`).
    pub fn shm(&self) -> &SharedMemory {
        &self.shm
    }

    /// Python's `len(sl)`: fixed at creation.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether it has no items.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Where item `index` is described: its tag, offset and capacity.
    fn slot(&self, index: usize) -> usize {
        assert!(
            index < self.len,
            "list index {index} out of range (len {})",
            self.len
        );
        WORD + index * 3 * WORD
    }

    /// Python's `sl[index]`. Panics out of range, as Python raises `IndexError`.
    pub fn get(&self, index: usize) -> Item {
        let slot = self.slot(index);
        let tag = word(&self.shm, slot);
        let (kind, len) = ((tag & 0xff) as u8, tag >> 8);
        let offset = word(&self.shm, slot + WORD);
        Item::decode(kind, &self.shm.read(offset, len))
    }

    /// Python's `sl[index] = item`: an error if it does not fit the item's storage, as Python's
    /// `ValueError: bytes/str item exceeds available storage`.
    pub fn set(&self, index: usize, item: Item) -> io::Result<()> {
        let slot = self.slot(index);
        let (kind, bytes) = item.encode();
        if bytes.len() > word(&self.shm, slot + 2 * WORD) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "bytes/str item exceeds available storage",
            ));
        }
        let offset = word(&self.shm, slot + WORD);
        self.shm.write(offset, &bytes);
        let tag = (bytes.len() as u64) << 8 | u64::from(kind);
        self.shm.write(slot, &tag.to_le_bytes());
        Ok(())
    }

    /// Python's `list(sl)`.
    pub fn to_vec(&self) -> Vec<Item> {
        (0..self.len).map(|index| self.get(index)).collect()
    }
}

/// Python's `repr(list(sl))`: `[1, 2.5, 'text', None]`.
impl fmt::Display for ShareableList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let items: Vec<String> = self.to_vec().iter().map(Item::to_string).collect();
        write!(f, "[{}]", items.join(", "))
    }
}

/// The little-endian word at `at` (0 past the end).
fn word(shm: &SharedMemory, at: usize) -> usize {
    let bytes = shm.read(at, WORD);
    u64::from_le_bytes(<[u8; 8]>::try_from(bytes.as_slice()).unwrap_or_default()) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_item_comes_back_as_it_went_in() {
        let items = [
            Item::Int(-7),
            Item::Float(2.5),
            Item::Bool(true),
            Item::Bool(false),
            Item::Str("héllo".into()),
            Item::Bytes(vec![0, 255, 3]),
            Item::None,
        ];
        for item in items {
            let (kind, bytes) = item.encode();
            assert_eq!(Item::decode(kind, &bytes), item);
        }
    }

    #[test]
    fn a_list_is_empty_only_without_items() {
        let empty = ShareableList::new([]).expect("an empty list");
        let one = ShareableList::new([Item::Int(1)]).expect("a list of one");
        let (is_empty, one_is_empty) = (empty.is_empty(), one.is_empty());
        for list in [&empty, &one] {
            list.shm().unlink().expect("unlink");
        }
        assert!(is_empty);
        assert!(!one_is_empty);
        assert_eq!(one.len(), 1);
    }
}
