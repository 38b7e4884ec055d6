//! `TUTORIAL_HOLD`: a line held back before it is printed, so that a signal comes later than
//! the arguments let anyone work out, or one worker stays inside while the others go on.

use super::HOLD_VAR;
use crate::config::ConfigError;
use std::ffi::OsStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Parses a `TUTORIAL_HOLD` value, `<ms>:<line>`; `None` (unset) means no line is held. A
/// `<line>` ending in `*` holds the first line of the process that starts with the rest.
///
/// ```
/// use std::ffi::OsStr;
/// use std::time::Duration;
/// let held = common::perturb::parse_hold(Some(OsStr::new("700:main: go")));
/// assert_eq!(held, Ok(Some((Duration::from_millis(700), "main: go".to_owned()))));
/// assert!(common::perturb::parse_hold(Some(OsStr::new("soon:main: go"))).is_err());
/// ```
pub fn parse_hold(raw: Option<&OsStr>) -> Result<Option<(Duration, String)>, ConfigError> {
    let Some(raw) = raw else { return Ok(None) };
    raw.to_str()
        .and_then(|s| s.split_once(':'))
        .and_then(|(ms, line)| Some((ms.parse().ok().filter(|ms| *ms <= 60_000)?, line)))
        .map(|(ms, line)| Some((Duration::from_millis(ms), line.to_owned())))
        .ok_or_else(|| ConfigError {
            var: HOLD_VAR,
            value: raw.to_string_lossy().into_owned(),
            expected: "expected <ms>:<line>, with <ms> from 0 to 60000".to_owned(),
        })
}

/// How long to hold `msg`, if `hold` names it: exactly, or as the first line of this process
/// that starts with a prefix (`<prefix>*`).
pub(super) fn now(hold: Option<&(Duration, String)>, msg: &str) -> Option<Duration> {
    static PREFIX_HELD: AtomicBool = AtomicBool::new(false);
    let (late, line) = hold?;
    let held = match line.strip_suffix('*') {
        Some(prefix) => msg.starts_with(prefix) && !PREFIX_HELD.swap(true, Ordering::SeqCst),
        None => line == msg,
    };
    held.then_some(*late)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_holds_only_the_first_line_that_starts_with_it() {
        let hold = (Duration::from_millis(5), "leave *".to_owned());
        assert_eq!(now(Some(&hold), "enter 3"), None);
        assert_eq!(now(Some(&hold), "leave 3"), Some(Duration::from_millis(5)));
        assert_eq!(now(Some(&hold), "leave 1"), None);
        let exact = (Duration::from_millis(5), "main: go".to_owned());
        assert_eq!(
            now(Some(&exact), "main: go"),
            Some(Duration::from_millis(5))
        );
        assert_eq!(now(Some(&exact), "main: go!"), None);
    }
}
