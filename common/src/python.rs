//! Values printed the way Python prints them, for lines that must read like the notes.
//!
//! Rust's `Display` and `Debug` differ from Python's `print`: `true` is `True`, `None` is
//! `None` only through `Debug`. [`Py`] wraps a value and prints it as Python would.

use std::fmt;

/// Prints the wrapped value as Python's `print` would.
///
/// ```
/// use common::python::Py;
/// assert_eq!(Py(true).to_string(), "True");
/// assert_eq!(Py(&None::<String>).to_string(), "None");
/// assert_eq!(Py(&Some("bob")).to_string(), "bob");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Py<T>(pub T);

impl fmt::Display for Py<bool> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0 { "True" } else { "False" })
    }
}

impl<T: fmt::Display> fmt::Display for Py<&Option<T>> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(value) => value.fmt(f),
            None => f.write_str("None"),
        }
    }
}
