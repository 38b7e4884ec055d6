//! The notes' `time.sleep`, scaled by `TUTORIAL_TIME_SCALE` so that tests run fast.

use std::time::Duration;

/// The factor every tutorial sleep is multiplied by (`TUTORIAL_TIME_SCALE`, default 1).
///
/// ```
/// // Unset in doctests: the notes' own timings.
/// assert_eq!(common::time_scale(), 1.0);
/// ```
pub fn time_scale() -> f64 {
    crate::config::get().time_scale
}

/// Sleeps `secs` seconds times [`time_scale`]: Python's `time.sleep(secs)`.
///
/// ```
/// common::sleep_secs(0.001);
/// ```
pub fn sleep_secs(secs: f64) {
    // The scale is at most `MAX_TIME_SCALE`, so the product is finite and cannot overflow.
    std::thread::sleep(Duration::from_secs_f64((secs * time_scale()).max(0.0)));
}
