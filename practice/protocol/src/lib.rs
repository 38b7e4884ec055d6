//! What a check binary (`exercises/checks/`) and `practice` agree on, in one crate that both
//! compile against: the numbers the binary is asked (`numbers`), what it found (`Found`, one JSON
//! line through `report`), and the capstone's texts, which both sides make from the same seed.
//!
//! ```
//! use check_protocol::{Found, Report};
//! let line = Report { asked: vec![3, 4], found: Found::Number(12), leaked: None }.line();
//! assert_eq!(line, r#"check: {"asked":[3,4],"found":{"Number":12}}"#);
//! assert_eq!(Report::parse(&line).unwrap().unwrap().found, Found::Number(12));
//! ```

pub mod alloc;
pub mod capstone;
pub mod sandbox;

use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The start of the report's line; the rest is the `Report` in JSON.
pub const PREFIX: &str = "check: ";

/// What a check binary tells `practice`, once, after the learner's function returned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The numbers the binary read from its command line, as it read them.
    pub asked: Vec<i64>,
    /// What the call gave back, or what the checker counted around it.
    pub found: Found,
    /// Allocations the call left behind (`alloc::Counting`): made during the call and freed
    /// neither by it nor with what it returned (33, 34: `Box::leak` in place of a move or a
    /// copy). `None` where the binary does not count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leaked: Option<i64>,
}

/// What the checker saw of the learner's call. One variant per shape; `practice` names the one it
/// expects, so a binary and a check that disagree fail the solution's test, not a text parse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Found {
    /// The call returned and nothing else was counted.
    Returned,
    /// The number it returned.
    Number(i64),
    /// The numbers it returned, in its order.
    Numbers(Vec<i64>),
    /// The words it returned, in its order, and how many of them the main thread made
    /// (`alloc::made_on_main`: a word a thread returned was made by that thread).
    Words {
        words: Vec<String>,
        #[serde(default)]
        made_on_main: u64,
    },
    /// The words and their counts it returned, in its order (36).
    Counts(Vec<(String, u64)>),
    /// The number it returned, and what each thread added through the checker's function:
    /// each other thread's count of calls, the calling thread's own, and the sum of what the
    /// function gave out, drawn per call (`checks/adders.rs`), which only adding it all reaches.
    Added {
        total: i64,
        by_others: Vec<u64>,
        by_caller: u64,
        handed: u64,
        /// Calls made while the lock they belong under was free (22's `add_one`, called with
        /// its counter's `Mutex` unlocked: the addition split across two guards); 0 for 03.
        unguarded: u64,
        /// Whether a second thread called the function while the first thread's first call
        /// waited for one (up to 5 s): `None` where the function does not wait (22, whose
        /// function belongs under the lock).
        #[serde(default)]
        met: Option<bool>,
        /// Whether the checker saw the lock free while a thread was midway through its calls
        /// (22): `None` where it did not watch (03, whose function belongs under no lock).
        #[serde(default)]
        let_go: Option<bool>,
    },
    /// Two locks (10): the balances' sum after the transfers, and how many times the checker's
    /// auditor saw the sum wrong in the middle of them.
    /// And whether a transfer between two free accounts waited while another transfer waited
    /// for a third account (one lock around every transfer).
    Balances {
        sum: i64,
        seen_wrong: u64,
        #[serde(default)]
        held_up: Option<bool>,
        /// How a transfer waited while the checker held the lock of its `to` account.
        #[serde(default)]
        waited: Option<Waited>,
    },
    /// The shared array filled by the processes (20), as Python would print it.
    Array(String),
    /// The items a consumer left unconsumed (23).
    LeftOver(u64),
    /// The total, and the global it was kept in, as its `Debug` shows it (30).
    Global {
        total: i64,
        global: String,
        /// Where the global is a `Mutex`: whether the checker saw it free while a visitor was
        /// midway through its visits (held around a whole loop, it is free only between two).
        #[serde(default)]
        let_go: Option<bool>,
        /// Whether the global was seen above 0 while a visitor thread was still alive (a total
        /// main adds after the visitors ended leaves it 0 until then).
        #[serde(default)]
        added_by_visitors: Option<bool>,
    },
    /// When the checker first saw every worker thread of the call alive (`/proc/self/task`), on
    /// the trace's clock (`CLOCK_MONOTONIC`, ns), if it did (25: before the signal).
    AllAliveAt(Option<u64>),
    /// Entries in the shared log (32), and how many of the expected ones were among them.
    Logged {
        entries: u64,
        expected_found: u64,
        /// Which writer made each entry of the log, in the log's order (`writer w entry e` gives
        /// `w`; another entry `u32::MAX`).
        #[serde(default)]
        writers: Vec<u32>,
    },
}

/// How a thread of the checker's waited in the learner's code while the checker held a lock that
/// code needs: how long it was held, and what the thread did meanwhile (`getrusage`): a thread
/// asleep on the lock wakes about once and burns no CPU; one that polls wakes at every look, one
/// that spins burns its wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waited {
    pub hold_ms: u64,
    /// Voluntary context switches in the call (`ru_nvcsw`).
    pub switches: u64,
    /// CPU time in the call, in microseconds.
    pub cpu_us: u64,
}

impl Report {
    /// The report as `practice` reads it: `PREFIX`, then one line of JSON.
    pub fn line(&self) -> String {
        let json = serde_json::to_string(self).expect("a report is plain data");
        format!("{PREFIX}{json}")
    }

    /// The report on `line`: `None` if the line is not one, an error if it is one that does not
    /// read as a `Report` (a binary built from another version of this crate).
    pub fn parse(line: &str) -> Option<Result<Report, serde_json::Error>> {
        line.strip_prefix(PREFIX).map(serde_json::from_str)
    }
}

/// The `N` numbers on the command line, as `T`s: exactly `N`, or the binary ends with 2 naming
/// the difference (so a binary and its `Probe` in `practice` that disagree on the count fail the
/// practice tests, whichever has more).
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

/// The report of this run: `found`, with the numbers this binary was asked. Print it with the
/// trace's `say!`, so that `practice` also sees which thread gave it.
pub fn report(found: Found) -> String {
    report_leaks(found, None)
}

/// The report of this run, with the allocations the call left behind (see `Report::leaked`).
pub fn report_leaks(found: Found, leaked: Option<i64>) -> String {
    let asked = std::env::args()
        .skip(1)
        .map(|a| a.parse().unwrap_or(i64::MIN))
        .collect();
    Report {
        asked,
        found,
        leaked,
    }
    .line()
}
