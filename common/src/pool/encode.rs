//! How the pool encodes a chunk's items and results: postcard, into a `Vec<u8>`, with the few
//! bytes of each number copied by a loop the compiler inlines. postcard's own `Vec` output copies
//! every number's bytes (a varint of 1 to 10) with `extend_from_slice`, a call to `memcpy` per
//! item: in a profile of 100,000-item maps those calls were a fifth of the program's time and
//! a tenth of each worker's.

use postcard::ser_flavors::Flavor;
use serde::Serialize;

/// `value` encoded with postcard (the same bytes as `postcard::to_stdvec`).
pub(super) fn encode<T: Serialize + ?Sized>(value: &T) -> postcard::Result<Vec<u8>> {
    postcard::serialize_with_flavor(value, Inline(Vec::new()))
}

/// postcard's output into a vector, short runs of bytes pushed one at a time.
struct Inline(Vec<u8>);

impl Flavor for Inline {
    type Output = Vec<u8>;

    #[inline]
    fn try_extend(&mut self, data: &[u8]) -> postcard::Result<()> {
        if data.len() <= 16 {
            for &byte in data {
                self.0.push(byte);
            }
        } else {
            self.0.extend_from_slice(data);
        }
        Ok(())
    }

    #[inline]
    fn try_push(&mut self, data: u8) -> postcard::Result<()> {
        self.0.push(data);
        Ok(())
    }

    fn finalize(self) -> postcard::Result<Vec<u8>> {
        Ok(self.0)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bytes_are_postcards_own() {
        let values: Vec<(u64, i32, String, Vec<u8>)> = vec![
            (0, -1, String::new(), vec![]),
            (u64::MAX, i32::MIN, "사과".repeat(20), vec![7; 40]),
            (300, 5, "a".to_owned(), vec![1, 2, 3]),
        ];
        let ours = super::encode(&values).unwrap();
        assert_eq!(ours, postcard::to_stdvec(&values).unwrap());
    }
}
