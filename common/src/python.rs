//! Values printed the way Python prints them, for lines that must read like the notes.
//!
//! Rust's `Display` and `Debug` differ from Python's `print`: `true` is `True`, `2.0` prints as
//! `2`, and a tuple prints with round brackets. [`Py`] wraps a value and prints it as Python's
//! `print` would: `str()` of the value, and `repr()` of the items inside a list.

use std::fmt;

/// Prints the wrapped value as Python's `print` would.
///
/// ```
/// use common::python::Py;
/// assert_eq!(Py(true).to_string(), "True");
/// assert_eq!(Py(2.0).to_string(), "2.0");
/// assert_eq!(Py(&None::<String>).to_string(), "None");
/// assert_eq!(Py(&Some("bob".to_string())).to_string(), "bob");
/// assert_eq!(Py(&(42, None::<i32>, "process 1")).to_string(), "[42, None, 'process 1']");
/// assert_eq!(Py(&[0, -1, 2][..]).to_string(), "[0, -1, 2]");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Py<T>(pub T);

/// How a value prints in Python: `repr()` (inside lists) and `str()` (what `print` uses).
pub trait PyRepr {
    /// Python's `repr(value)`.
    fn fmt_repr(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
    /// Python's `str(value)`; the same as `repr` except for strings.
    fn fmt_str(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_repr(f)
    }
}

impl fmt::Display for Py<bool> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_repr(f)
    }
}

impl fmt::Display for Py<f64> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_repr(f)
    }
}

impl<T: PyRepr + ?Sized> fmt::Display for Py<&T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_str(f)
    }
}

impl PyRepr for bool {
    fn fmt_repr(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if *self { "True" } else { "False" })
    }
}

impl PyRepr for f64 {
    /// Python always shows a float as a float: `2.0`, not `2`.
    fn fmt_repr(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_finite() && self.fract() == 0.0 && self.abs() < 1e16 {
            write!(f, "{self:.1}")
        } else {
            write!(f, "{self}")
        }
    }
}

macro_rules! py_int {
    ($($int:ty),*) => {$(
        impl PyRepr for $int {
            fn fmt_repr(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{self}")
            }
        }
    )*};
}
py_int!(i32, i64, u32, u64, usize);

impl PyRepr for str {
    /// Single quotes, or double quotes when the text holds a single quote and no double one.
    fn fmt_repr(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let quote = if self.contains('\'') && !self.contains('"') {
            '"'
        } else {
            '\''
        };
        let escaped = self
            .replace('\\', "\\\\")
            .replace(quote, &format!("\\{quote}"));
        write!(f, "{quote}{escaped}{quote}")
    }
    fn fmt_str(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl PyRepr for String {
    fn fmt_repr(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_str().fmt_repr(f)
    }
    fn fmt_str(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_str().fmt_str(f)
    }
}

impl<T: PyRepr + ?Sized> PyRepr for &T {
    fn fmt_repr(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt_repr(f)
    }
    fn fmt_str(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt_str(f)
    }
}

impl<T: PyRepr> PyRepr for Option<T> {
    fn fmt_repr(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Some(value) => value.fmt_repr(f),
            None => f.write_str("None"),
        }
    }
    fn fmt_str(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Some(value) => value.fmt_str(f),
            None => f.write_str("None"),
        }
    }
}

impl<T: PyRepr> PyRepr for [T] {
    fn fmt_repr(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[")?;
        for (index, item) in self.iter().enumerate() {
            if index > 0 {
                f.write_str(", ")?;
            }
            item.fmt_repr(f)?;
        }
        f.write_str("]")
    }
}

impl<T: PyRepr> PyRepr for Vec<T> {
    fn fmt_repr(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_slice().fmt_repr(f)
    }
}

/// A Rust tuple stands in for a short Python list of mixed types; it prints as that list.
impl<A: PyRepr, B: PyRepr, C: PyRepr> PyRepr for (A, B, C) {
    fn fmt_repr(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[")?;
        self.0.fmt_repr(f)?;
        f.write_str(", ")?;
        self.1.fmt_repr(f)?;
        f.write_str(", ")?;
        self.2.fmt_repr(f)?;
        f.write_str("]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_as_python_prints_them() {
        assert_eq!(Py(2.0).to_string(), "2.0");
        assert_eq!(Py(0.0).to_string(), "0.0");
        assert_eq!(Py(-1.0).to_string(), "-1.0");
        assert_eq!(Py(0.5).to_string(), "0.5");
        assert_eq!(Py(0.1).to_string(), "0.1");
    }

    #[test]
    fn strings_are_quoted_only_inside_lists() {
        assert_eq!(Py(&"it's".to_string()).to_string(), "it's");
        assert_eq!(Py(&(1, Some(2), "it's")).to_string(), "[1, 2, \"it's\"]");
        assert_eq!(
            Py(&(1, 2, "say \"it's\"")).to_string(),
            "[1, 2, 'say \"it\\'s\"']"
        );
        assert_eq!(Py(&vec![Some("a"), None]).to_string(), "['a', None]");
    }
}
