//! Sharing between threads: Arc where Rc was refused, a Mutex where RefCell was.

use super::*;

/// Each "adder t: <part>" printed once, by the thread "adder t", with the sum of the items from
/// the t-th on, `adders` apart.
pub(super) fn parts_added(run: &Run, items: &[u64], adders: usize) -> Result<(), Problem> {
    for t in 0..adders {
        let part: u64 = items.iter().skip(t).step_by(adders).sum();
        once_by(run, &format!("adder {t}: {part}"), &format!("adder {t}"))?;
    }
    Ok(())
}

pub(super) fn arc_not_rc(run: &Seen) -> Result<(), Problem> {
    let items: Vec<u64> = (1..=100).collect();
    parts_added(run, &items, 4)?;
    line(run, "total: 5050").ok_or_else(|| expected(run, "total: 5050"))?;
    Ok(())
}

pub(super) fn sum_in_threads_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    let items: Vec<u64> = (1..=n[0] as u64).map(|i| i * n[2] as u64).collect();
    parts_added(run, &items, n[1] as usize)?;
    let [got, allocated, freed] = match found(run, args)? {
        Found::Numbers(n) if n.len() == 3 => [n[0], n[1], n[2]],
        other => return Err(unexpected(&other)),
    };
    let want = items.iter().sum::<u64>() as i64;
    if got != want {
        return Err(wrong_result(
            got,
            want,
            "부분합을 모두 더해 돌려주세요.",
            "return the sum of the parts.",
        ));
    }
    // One copy of the list is allowed (`Arc<[u64]>::from(items)` makes one); a copy per thread is
    // at least two.
    let list = 8 * items.len() as i64;
    if allocated * 2 >= 3 * list {
        let copies = allocated as f64 / list as f64;
        return Err(Problem::new(
            format!(
                "호출하는 동안 {allocated}바이트를 할당했습니다. 목록({list}바이트)을 {copies:.1}번 복사한 셈입니다. Vec의 `clone()`은 목록 전체를 복사합니다. 목록을 Arc에 한 번 넣고, 스레드마다 그 Arc를 clone하세요(소유자 수만 늘어남)."
            ),
            format!(
                "the call allocated {allocated} bytes, {copies:.1} times the list's {list}: a Vec's `clone()` copies the whole list. Put the list in an Arc once and clone the Arc for each thread (that only counts one more owner)."
            ),
        ));
    }
    // The list is the call's (it took `items`): once the last owner is done, it is freed.
    if freed < list {
        return Err(Problem::new(
            format!(
                "호출이 끝났는데 목록({list}바이트)이 풀리지 않았습니다(그동안 푼 것은 {freed}바이트). `Box::leak`이나 `mem::forget`으로 목록을 새게 두면 'static이 되지만 영영 돌려받지 못합니다. Arc로 함께 쓰면 마지막 주인이 끝날 때 목록이 풀립니다."
            ),
            format!(
                "the call returned and the list ({list} bytes) was never freed ({freed} bytes freed meanwhile): `Box::leak` or `mem::forget` makes it 'static and never gives it back. Shared through an Arc, the list is freed when its last owner is done."
            ),
        ));
    }
    Ok(())
}

/// Each entry printed once by its writer's thread as it was written; "writer w done" by that
/// thread after its entries.
pub(super) fn written(run: &Run, writers: usize, entries: usize) -> Result<(), Problem> {
    for w in 0..writers {
        let done = once_by(run, &format!("writer {w} done"), &format!("writer {w}"))?;
        for e in 0..entries {
            let entry = format!("writer {w} entry {e}");
            if once_by(run, &entry, &format!("writer {w}"))? > done {
                return Err(Problem::new(
                    format!(
                        "{} 'writer {w} done'보다 뒤에 찍혔습니다.",
                        with(&format!("'{entry}'"), Josa::IGa)
                    ),
                    format!("'{entry}' came after 'writer {w} done'."),
                ));
            }
        }
    }
    Ok(())
}

/// Each entry written, and printed by main from the returned log ("log: ..."), once.
pub(super) fn logged(run: &Run, writers: usize, entries: usize) -> Result<(), Problem> {
    written(run, writers, entries)?;
    for w in 0..writers {
        for e in 0..entries {
            once_by(run, &format!("log: writer {w} entry {e}"), "main")?;
        }
    }
    let count = format!("{} entries", writers * entries);
    line(run, &count).ok_or_else(|| expected(run, &count))?;
    Ok(())
}

pub(super) fn mutex_not_refcell(run: &Seen) -> Result<(), Problem> {
    logged(run, 3, 4)
}

pub(super) fn log_from_threads_call(run: &Seen, args: &[String]) -> Result<(), Problem> {
    let n = numbers(args);
    written(run, n[0] as usize, n[1] as usize)?;
    let want = n[0] * n[1];
    let (got, found, writers) = match found(run, args)? {
        Found::Logged {
            entries,
            expected_found,
            writers,
        } => (entries as i64, expected_found as i64, writers),
        other => return Err(unexpected(&other)),
    };
    if got != want || found != want {
        return Err(Problem::new(
            format!(
                "기록에 항목이 {want}개(서로 다른 것) 있어야 하는데 {got}개가 있고, 그중 맞는 것은 {found}개입니다. 잠금을 쥔 채로 적으세요."
            ),
            format!(
                "the log must hold {want} distinct entries; it holds {got}, of which {found} are the expected ones. Write while holding the lock."
            ),
        ));
    }
    wrote_meanwhile(run)?;
    logged_as_written(run, &writers)
}

/// The log holds the entries in the order they were made: of two entries by different writers
/// printed 200 ms or more apart, the earlier is logged first (an entry is pushed right after it
/// is printed, under the lock). The held writer (the call holds the first line back) makes every
/// run have such pairs: what the others wrote meanwhile comes before its entries. A log per
/// writer, joined at the end in the writers' order, or appended in one piece when a writer is
/// done, orders the log by thread, not by when entries were made; the latter is caught only in
/// runs whose writers write side by side for more than 200 ms (2 checks of 5 here), so it is not
/// kept among the wrong programs.
fn logged_as_written(run: &Run, writers: &[u32]) -> Result<(), Problem> {
    const APART_NS: u64 = 200_000_000;
    let number = |thread: &str| thread.strip_prefix("writer ")?.parse::<u32>().ok();
    // Each writer's entries in the log, in its own order: the k-th entry's place.
    let mut places: std::collections::BTreeMap<u32, Vec<usize>> = Default::default();
    for (at, w) in writers.iter().enumerate() {
        places.entry(*w).or_default().push(at);
    }
    // Every entry as printed: when, by which writer, and its place in the log.
    let mut made = std::collections::BTreeMap::<u32, usize>::new();
    let mut printed: Vec<(u64, u32, usize)> = Vec::new();
    for e in run.events_of_kind(Kind::Say) {
        let Some(w) = number(&e.thread) else { continue };
        if !e.msg.contains(" entry ") {
            continue;
        }
        let k = made.entry(w).or_insert(0);
        if let Some(at) = places.get(&w).and_then(|p| p.get(*k)) {
            printed.push((e.t_ns, w, *at));
        }
        *k += 1;
    }
    printed.sort();
    // Each writer's latest place in the log among the entries printed 200 ms or more before.
    let mut behind = 0;
    let mut latest = std::collections::BTreeMap::<u32, usize>::new();
    for &(t, w, at) in &printed {
        while behind < printed.len() && printed[behind].0 + APART_NS <= t {
            let (_, earlier_w, earlier_at) = printed[behind];
            let place = latest.entry(earlier_w).or_insert(earlier_at);
            *place = (*place).max(earlier_at);
            behind += 1;
        }
        let out_of_order = (latest.iter()).find(|(other, place)| **other != w && at < **place);
        if let Some((&other, _)) = out_of_order {
            return Err(Problem::new(
                format!(
                    "writer {w}의 항목이 writer {other}의 항목보다 0.2초 넘게 늦게 만들어졌는데 기록에서는 앞에 있습니다. 스레드마다 자기 목록을 만들어 끝에 이어 붙이면(또는 다 적은 뒤 한 번에 넣으면), 기록이 만든 차례가 아니라 스레드 차례가 됩니다. 공유한 기록 하나에 항목마다 잠금을 쥐고 넣으세요(Mutex)."
                ),
                format!(
                    "an entry of writer {w}, made more than 0.2 s after one of writer {other}, comes before it in the log: a list per thread joined at the end (or pushed in one piece when the thread is done) orders the log by thread, not by when entries were made. Push each entry onto one shared log under its lock (a Mutex)."
                ),
            ));
        }
    }
    Ok(())
}

/// While the held writer waited before its first line (the call holds the first "writer ..."
/// line back), another writer wrote: the writers take turns at the lock for each entry, rather
/// than one holding it around its whole loop.
fn wrote_meanwhile(run: &Run) -> Result<(), Problem> {
    let writer = |e: &&Event| e.thread.starts_with("writer ");
    let first_say = |thread: &str| {
        (run.events_of_kind(Kind::Say).into_iter())
            .find(|e| e.thread == thread)
            .map(|e| e.t_ns)
    };
    // The held writer: the longest wait between its start and its first line.
    let held = (run.events_of_kind(Kind::ThreadStart).into_iter())
        .filter(writer)
        .filter_map(|e| Some((e.thread.as_str(), e.t_ns, first_say(&e.thread)?)))
        .max_by_key(|(_, start, first)| first - start);
    let Some((held, start, first)) = held else {
        return Ok(());
    };
    let meanwhile = (run.events_of_kind(Kind::Say).iter())
        .any(|e| writer(e) && e.thread != held && start < e.t_ns && e.t_ns < first);
    if meanwhile {
        return Ok(());
    }
    Err(Problem::new(
        format!(
            "검사기가 {} 첫 항목 앞에서 붙잡아 둔 동안, 다른 스레드는 아무것도 적지 못했습니다. 잠금을 반복문 전체(또는 찍는 동안)에 쥐면 스레드가 하나씩 차례로 적습니다. 기록에 넣을 때만 잠그세요.",
            with(&format!("'{held}'"), Josa::EulReul)
        ),
        format!(
            "while the checker held '{held}' back before its first entry, no other thread wrote: a lock held around the whole loop (or while printing) makes the threads write one after another. Lock only to push onto the log."
        ),
    ))
}
