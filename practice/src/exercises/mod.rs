//! The exercises' checks: `exercises/info.toml` lists the exercises, this module says how each
//! checked.
//!
//! A check reads a finished run of the learner's program (stdout, the trace, the exit status)
//! and names, in the learner's terms, the first property that does not hold.

use crate::korean::{Josa, with};
use check_protocol::Found;
use harness::{Event, Kind, Run};

mod capstone;
mod found;
mod ipc;
mod list;
mod methods;
mod notes;
mod pool;
mod properties;
mod quiet;
mod reading;
mod refused;
mod rules;
mod sync;
mod waits;

use found::*;
pub use list::load;
use properties::*;
use quiet::{slept_through_the_quiet, slept_through_the_quiet_within};
use reading::*;
use rules::{JOIN_MARGIN_NS, ended_with_its_workers, main_lingered};
pub use rules::{nothing_left, one_thread_per_name, pool_workers_are_a_pools};
use waits::*;

/// What is wrong, in Korean and in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub ko: String,
    pub en: String,
    /// Whether what is wrong is that something never happened (a line never printed): then a
    /// thread cut off by main's end may explain it.
    pub missing: bool,
}

impl Problem {
    pub fn new(ko: impl Into<String>, en: impl Into<String>) -> Self {
        Problem {
            ko: ko.into(),
            en: en.into(),
            missing: false,
        }
    }

    /// The problem, as one of something that never happened.
    pub fn missing(self) -> Self {
        Problem {
            missing: true,
            ..self
        }
    }
}

/// A finished run as a check sees it: the run, and whether it ran as it is (no plan perturbed
/// it), the one run in which how long `main` outlasts its workers is measured (the perturbed
/// plans pause at each printed line, `main`'s own last lines too, so there a loaded machine can
/// stretch that time with nothing wrong).
pub struct Seen<'a> {
    pub run: &'a Run,
    pub as_it_is: bool,
    /// A worker started late on purpose in this run (a straggler: the first, or the rest): the
    /// workers of a program that starts them all before it joins any are alive together.
    pub late: bool,
    /// The straggler is the first worker (the first thread of each process, the first child),
    /// 1.1 s late: the others start while it waits. Otherwise the rest are, 0.3 s.
    pub late_first: bool,
}

impl std::ops::Deref for Seen<'_> {
    type Target = Run;

    fn deref(&self) -> &Run {
        self.run
    }
}

pub type Check = fn(&Seen) -> Result<(), Problem>;

/// One exercise: folder `exercises/<id>-<package>/` (its code, and its hint in `hint.ko.md` and
/// `hint.en.md`, which the book shows too), solution under `exercises/solutions/`.
#[derive(Debug)]
pub struct Exercise {
    pub id: &'static str,
    pub package: &'static str,
    pub title: [&'static str; 2],
    /// The property its lesson is: what holds for every right program, whatever is drawn.
    pub property: [&'static str; 2],
    /// The chapter it belongs to (`[[chapter]]` in `info.toml`).
    pub chapter: [&'static str; 2],
    /// What a program that never ends usually lacks.
    pub hang_hint: [&'static str; 2],
    /// What the checker verifies, in words.
    pub checks: [&'static str; 2],
    pub check: Check,
    /// The checker's own call of the exercise's function (`exercises/checks/`), if it has one.
    pub probe: Option<Probe>,
    /// A keyword the exercise's code must not use (`unsafe`, where the lesson is to do without).
    pub forbids: Option<&'static str>,
    /// Whether its program must run under every start method (its `main` begins with
    /// `common::init()`): then the checks take fork, spawn and forkserver in turn, so that what
    /// works only under fork (a global set before the pool starts) fails.
    pub start_methods: bool,
}

impl Exercise {
    /// The first line of `source` (comments aside) that uses the keyword this exercise forbids.
    pub fn forbidden_in(&self, source: &str) -> Option<String> {
        let word = self.forbids?;
        source
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .find(|code| {
                code.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .any(|token| token == word)
            })
            .map(|code| code.trim().to_owned())
    }
}

/// The checker calls the exercise's function with numbers the learner never sees: a binary of
/// the exercise's package (`exercises/checks/<folder>.rs`) that calls it with its arguments and
/// reports what it found as a `check_protocol::Report` (one JSON line from its main thread).
#[derive(Debug)]
pub struct Probe {
    /// The binary's name.
    pub bin: &'static str,
    /// The function, as the exercise declares it.
    pub signature: &'static str,
    /// The ranges the call's arguments are picked from, each anew on every check.
    pub args: &'static [(u64, u64)],
    /// What each argument is, in Korean and English, as the report names it ("계좌 5").
    pub names: &'static [[&'static str; 2]],
    /// What the call's run must show, given its arguments.
    pub check: fn(&Seen, &[String]) -> Result<(), Problem>,
    /// Whether the call runs with the plans' late workers too. Not where the call perturbs its
    /// threads itself (`interrupt_threads`) and a late start would only make it slower.
    pub late_starts: bool,
    /// Ranges that replace `args`' for the second call (argument index, range): where one
    /// property needs a short value and another a long one (a short preparation catches a
    /// fixed sleep, a long one a poll), each call gets one, every check.
    pub second_call: &'static [(usize, (u64, u64))],
    /// A line the calls hold back before it is printed (`TUTORIAL_HOLD`), by a time drawn from
    /// the range in ms: a signal then comes later than the arguments let the learner's code work
    /// out, so a sleep computed from them in place of waiting goes too early. `{k}` in the line
    /// stands for the call's argument k ("philosopher 0 ate {1} times").
    pub hold: Option<(&'static str, (u64, u64))>,
}

impl Probe {
    /// The arguments picked, each with its name: "(accounts 5, threads 4, ...)".
    pub fn named(&self, args: &[String]) -> [String; 2] {
        let pairs = |lang: usize| -> String {
            let each: Vec<String> = (self.names.iter().zip(args))
                .map(|(name, value)| format!("{} {value}", name[lang]))
                .collect();
            format!("({})", each.join(", "))
        };
        [pairs(0), pairs(1)]
    }

    /// The `TUTORIAL_HOLD` value for a call, its time picked by `random`, if the call holds a line.
    pub fn held(&self, mut random: u64, args: &[String]) -> Option<String> {
        let (line, (low, high)) = self.hold?;
        let line = (args.iter().enumerate()).fold(line.to_owned(), |line, (k, arg)| {
            line.replace(&format!("{{{k}}}"), arg)
        });
        Some(format!("{}:{line}", pick(&mut random, low, high)))
    }

    /// The function's name.
    pub fn name(&self) -> &str {
        // The function's name: after the last "fn ", up to its generics or its arguments.
        let after = self
            .signature
            .rsplit("fn ")
            .next()
            .unwrap_or(self.signature);
        after.split(['(', '<']).next().unwrap_or(after)
    }
}

/// A number from `low` to `high` picked by `random`, and `random` moved on.
fn pick(random: &mut u64, low: u64, high: u64) -> u64 {
    *random ^= *random << 13;
    *random ^= *random >> 7;
    *random ^= *random << 17;
    low + *random % (high - low + 1)
}

impl Probe {
    /// The arguments for call `round` (0 or 1): a number from each range, picked by `random`.
    pub fn pick_args(&self, mut random: u64, round: usize) -> Vec<String> {
        (self.args.iter().enumerate())
            .map(|(index, &range)| {
                let (low, high) = (self.second_call.iter())
                    .find(|(at, _)| round == 1 && *at == index)
                    .map_or(range, |(_, range)| *range);
                pick(&mut random, low, high).to_string()
            })
            .collect()
    }
}

impl Exercise {
    pub fn folder(&self) -> String {
        format!("{}-{}", self.id, self.package)
    }
}

/// The check of the exercise whose package is `package` (the list itself is
/// `exercises/info.toml`), and the checker's call of its function if it has one.
pub fn mechanism(package: &str) -> Option<(Check, Option<Probe>)> {
    notes::mechanism(package)
        .or_else(|| sync::mechanism(package))
        .or_else(|| ipc::mechanism(package))
        .or_else(|| pool::mechanism(package))
        .or_else(|| refused::mechanism(package))
        .or_else(|| methods::mechanism(package))
        .or_else(|| capstone::mechanism(package))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_forbidden_keyword_counts_in_code_not_in_comments() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../exercises");
        let all = super::load(&root).expect("the exercises");
        let exercise = all
            .iter()
            .find(|e| e.forbids == Some("unsafe"))
            .expect("an exercise that forbids unsafe");
        assert_eq!(
            exercise.forbidden_in("// no unsafe here\nlet x = 1; // unsafe { }\n"),
            None
        );
        assert_eq!(
            exercise.forbidden_in("fn f() {\n    unsafe { X += 1 } // why not\n}\n"),
            Some("unsafe { X += 1 }".to_owned())
        );
        assert_eq!(exercise.forbidden_in("let unsafely = 1;\n"), None);
    }

    /// A `Probe`'s `signature` is only shown (the compiler checks the call itself, in the check
    /// binary): it must be the function as the starting code and the solution declare it.
    #[test]
    fn every_probe_signature_is_the_exercises_own() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../exercises");
        let squeeze = |text: &str| -> String {
            let bare: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            bare.replace(",)", ")")
        };
        for exercise in super::load(&root).expect("the exercises") {
            let Some(probe) = &exercise.probe else {
                continue;
            };
            for dir in [root.clone(), root.join("solutions")] {
                let source = dir.join(exercise.folder()).join("src/main.rs");
                let code = squeeze(&std::fs::read_to_string(&source).expect("the exercise's code"));
                // A signature may name two items ("pub static VISITS, pub fn count_visits(..)").
                for item in probe.signature.split(", pub ") {
                    let item = squeeze(item).replace("pubstatic", "").replace("pubfn", "");
                    assert!(
                        code.contains(&item),
                        "{}: no `{}`",
                        source.display(),
                        probe.signature
                    );
                }
            }
        }
    }

    #[test]
    fn every_argument_the_checker_picks_has_a_name() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../exercises");
        let all = super::load(&root).expect("the exercises");
        let probes: Vec<_> = all.iter().filter_map(|e| e.probe.as_ref()).collect();
        assert!(probes.len() >= 30, "{} probes", probes.len());
        for probe in probes {
            assert_eq!(probe.names.len(), probe.args.len(), "{}", probe.bin);
        }
        let ten = all
            .iter()
            .find(|e| e.id == "10")
            .and_then(|e| e.probe.as_ref());
        let named = ten
            .expect("10 has a probe")
            .named(&["5".into(), "4".into(), "3034".into()]);
        assert_eq!(named[0], "(계좌 5, 스레드 4, 스레드마다 옮기기 3034)");
        assert_eq!(
            named[1],
            "(accounts 5, threads 4, transfers per thread 3034)"
        );
    }
}
