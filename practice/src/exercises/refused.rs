//! The exercises that start as a case the compiler refuses (`refused/`): once the learner makes
//! them compile the Rust way, what they do is checked.

use super::*;

/// Each "adder t: <part>" printed once, by the thread "adder t", with the sum of the items from
/// the t-th on, `adders` apart.
fn parts_added(run: &Run, items: &[u64], adders: usize) -> Result<(), Problem> {
    for t in 0..adders {
        let part: u64 = items.iter().skip(t).step_by(adders).sum();
        once_by(run, &format!("adder {t}: {part}"), &format!("adder {t}"))?;
    }
    Ok(())
}

fn arc_not_rc(run: &Run) -> Result<(), Problem> {
    let items: Vec<u64> = (1..=100).collect();
    parts_added(run, &items, 4)?;
    line(run, "total: 5050").ok_or_else(|| expected(run, "total: 5050"))?;
    Ok(())
}

fn sum_in_threads_call(run: &Run, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let items: Vec<u64> = (1..=n[0] as u64).map(|i| i * n[2] as u64).collect();
    parts_added(run, &items, n[1] as usize)?;
    let (got, want) = (result(run)?, items.iter().sum::<u64>() as i64);
    if got != want {
        return Err(wrong_result(
            got,
            want,
            "부분합을 모두 더해 돌려주세요.",
            "return the sum of the parts.",
        ));
    }
    Ok(())
}

/// The check of each exercise of this part, and the checker's call of its function if it has
/// one.
pub(super) fn mechanism(package: &str) -> Option<(Check, Option<Probe>)> {
    Some(match package {
        "arc-not-rc" => (
            arc_not_rc,
            Some(Probe {
                bin: "check-25",
                signature: "pub fn sum_in_threads(items: Vec<u64>, adders: usize) -> u64",
                // The list's length, adders, the factor of its items.
                args: &[(10, 60), (2, 5), (2, 9)],
                check: sum_in_threads_call,
                late_starts: true,
            }),
        ),
        _ => return None,
    })
}
