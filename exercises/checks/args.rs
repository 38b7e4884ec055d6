//! The one way a check binary reads the numbers `practice` passes it: exactly as many as its
//! `Probe` lists ranges for, or it ends with 2 naming the difference (a check binary and its
//! `Probe` that disagree fail the practice tests, whichever has more).

use std::str::FromStr;

/// The `N` numbers on the command line, as `T`s.
pub fn numbers<T: FromStr, const N: usize>() -> [T; N] {
    let given: Vec<String> = std::env::args().skip(1).collect();
    let parsed: Vec<T> = given.iter().filter_map(|a| a.parse().ok()).collect();
    let count = parsed.len();
    match <[T; N]>::try_from(parsed) {
        Ok(numbers) if count == given.len() => numbers,
        _ => {
            eprintln!("error: this check takes {N} numbers, not {given:?}");
            std::process::exit(2)
        }
    }
}
