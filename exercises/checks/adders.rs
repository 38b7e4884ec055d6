//! 연습 03과 22의 검사에서 검사기의 함수를 누가 불렀는지 셉니다: 스레드마다 부른 횟수와, 함수가
//! 부를 때마다 새로 뽑아 내준 수의 합. 부른 스레드에서 합을 계산해 내거나(다른 스레드는 놂)
//! 인자로 곱해 낸 답은 이 합과 맞지 않습니다.
//!
//! Who called the checker's function, for the checks of exercises 03 and 22: each thread's count
//! of calls, and the sum of what the function handed out, drawn anew at each call, so that a total
//! worked out on the calling thread, or multiplied from the arguments, shows.

use check_protocol::Found;
use std::cell::Cell;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

/// 호출한 스레드 모두와 그 횟수. 스레드마다 첫 호출 때 등록함.
/// Every thread that called, with its count, registered at its first call.
static CALLERS: Mutex<Vec<(ThreadId, Arc<AtomicU64>)>> = Mutex::new(Vec::new());
/// 모든 스레드에 나눠 준 값을 모두 더한 합.
/// The sum of every value handed out, on every thread.
static HANDED: AtomicU64 = AtomicU64::new(0);
/// 감싸야 할 잠금이 풀려 있는 동안 일어난 호출의 수.
/// Calls made while the lock they belong under was free.
static UNGUARDED: AtomicU64 = AtomicU64::new(0);
/// `count_in_company`를 부른 스레드 수와, 첫 스레드가 두 번째 스레드를 만났는지(0: 묻지 않음,
/// 1: 만남, 2: `COMPANY` 내내 혼자).
/// Threads that have called `count_in_company`, and whether the first met a second (0: not
/// asked, 1: met, 2: alone for all of `COMPANY`).
static ARRIVED: AtomicU64 = AtomicU64::new(0);
static MET: AtomicU8 = AtomicU8::new(0);
/// 어느 스레드가 호출을 반쯤 한 동안, 호출을 감싸야 할 잠금이 풀려 있는 것을 보았는지(0: 지켜보지
/// 않음, 1: 봄, 2: 한 번도 못 봄): [`watch_the_lock`].
/// Whether the lock the calls belong under was seen free while a thread was midway through its
/// calls (0: not watched, 1: seen, 2: never): [`watch_the_lock`].
static LET_GO: AtomicU8 = AtomicU8::new(0);
/// 학습자의 함수가 돌아오면 켜짐: 무엇을 보았든 지켜보기를 끝냄.
/// Set when the learner's function has returned: the watch ends whatever it saw.
static RETURNED: AtomicBool = AtomicBool::new(false);
/// 첫 호출자가 두 번째 호출자를 기다리는 시간.
/// How long the first caller waits for a second.
const COMPANY: Duration = Duration::from_secs(5);

/// 감싸야 할 잠금이 풀려 있는 동안 일어난 호출을 하나 셈.
/// Counts a call made while the lock it belongs under was free.
#[allow(dead_code)] // 03's `one` belongs under no lock.
pub fn unguarded() {
    UNGUARDED.fetch_add(1, Ordering::Relaxed);
}

thread_local! {
    static MINE: Arc<AtomicU64> = {
        let mine = Arc::new(AtomicU64::new(0));
        let me = (thread::current().id(), Arc::clone(&mine));
        CALLERS.lock().expect("the callers").push(me);
        mine
    };
    // 스레드마다 따로 시드를 뽑음: 어떤 스레드도 다른 스레드가 받을 수를 알 수 없음.
    // Seeded per thread from the process's random keys: no thread can know another's values.
    static DRAW: Cell<u64> = Cell::new(
        std::collections::hash_map::RandomState::new().build_hasher().finish() | 1,
    );
}

/// 호출 하나를 그 호출을 한 스레드에서 세고, 지금 뽑은 1에서 9 사이의 값을 나눠 줌.
/// Counts one call, on the thread that makes it, and hands out a value from 1 to 9 drawn now.
pub fn count() -> u64 {
    MINE.with(|mine| mine.fetch_add(1, Ordering::Relaxed));
    let value = DRAW.with(|draw| {
        let mut x = draw.get();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        draw.set(x);
        1 + x % 9
    });
    HANDED.fetch_add(value, Ordering::Relaxed);
    value
}

/// 스레드들이 동시에 부를 수 있어야 하는 `count`(03): 가장 먼저 온 스레드의 첫 호출은 두 번째
/// 스레드도 부를 때까지([`COMPANY`]까지) 기다림. 맞는 프로그램의 스레드들은 나란히 도착하고,
/// 반복 전체(또는 호출)를 감싸 쥔 잠금은 다른 스레드를 모두 막으므로 첫 스레드는 혼자 기다림.
/// `count`, where the threads must be able to call it at the same time (03): the first call of
/// the first thread to arrive waits (up to [`COMPANY`]) until a second thread calls it too. The
/// threads of a right program arrive side by side; a lock held around the whole loop (or around
/// the call) keeps every other thread out, so the first waits alone.
#[allow(dead_code)] // 22's function belongs under the lock: it must not wait there.
pub fn count_in_company() -> u64 {
    thread_local! {
        static ARRIVING: Cell<bool> = const { Cell::new(true) };
    }
    if ARRIVING.with(|first| first.replace(false)) && ARRIVED.fetch_add(1, Ordering::SeqCst) == 0 {
        let until = Instant::now() + COMPANY;
        while ARRIVED.load(Ordering::SeqCst) < 2 && Instant::now() < until {
            thread::sleep(Duration::from_millis(1));
        }
        let met = ARRIVED.load(Ordering::SeqCst) >= 2;
        MET.store(if met { 1 } else { 2 }, Ordering::SeqCst);
    }
    count()
}

/// 어느 스레드가 `times`번 가운데 일부만 부른 동안 잠금이 한 번이라도 풀려 있는지 자기 스레드에서
/// 지켜봄(`is_free`는 잡을 수 있으면 잡았다가 놓음). 호출마다 잠금을 잡는 스레드들은 호출 사이에
/// 잠금을 놓고, 반복 전체를 감싸 쥔 잠금은 한 스레드의 마지막 호출과 다음 스레드의 첫 호출
/// 사이에만 풀림. `threads`개 스레드가 모두 호출을 마치거나, 풀린 것을 처음 보거나,
/// [`stop_watching`]이 함수가 돌아왔다고 알리면 끝남. 본 것은 [`found`]가 알려 줌(호출이
/// 없었으면 아무것도 없음).
/// Watches, on a thread of its own, whether the lock is ever free (`is_free` takes and drops it
/// if it can) while some thread has made some but not all of its `times` calls: threads that
/// each take the lock for one call let it go between calls; a lock held around a whole loop is
/// free only between one thread's last call and the next one's first. Ends when `threads`
/// threads have made all their calls, at the first sight, or when [`stop_watching`] says the
/// function returned; [`found`] reports what it saw (nothing, where no call was made).
#[allow(dead_code)] // 03's function belongs under no lock.
pub fn watch_the_lock(
    threads: usize,
    times: u64,
    is_free: impl Fn() -> bool + Send + 'static,
) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        let all = threads as u64 * times;
        loop {
            let (midway, calls) = {
                let callers = CALLERS.lock().expect("the callers");
                let counts = callers.iter().map(|(_, n)| n.load(Ordering::Relaxed));
                let midway = counts.clone().any(|n| n > 0 && n < times);
                (midway, counts.sum::<u64>())
            };
            if calls >= all || RETURNED.load(Ordering::SeqCst) {
                if calls > 0 {
                    LET_GO.store(2, Ordering::SeqCst);
                }
                return;
            }
            if midway && is_free() {
                // 잠금을 쥔 채 아직 중간: 그 사이에 호출이 없었음.
                // Still midway with the lock in hand: no call was made in between.
                let callers = CALLERS.lock().expect("the callers");
                if callers.iter().any(|(_, n)| {
                    let n = n.load(Ordering::Relaxed);
                    n > 0 && n < times
                }) {
                    LET_GO.store(1, Ordering::SeqCst);
                    return;
                }
            }
            thread::sleep(Duration::from_micros(50));
        }
    })
}

/// 학습자의 함수가 돌아왔다고 [`watch_the_lock`]에 알림(함수를 부르지 않거나 덜 부르는
/// 프로그램이 지켜보기를 계속 기다리게 하면 안 됨).
/// Tells [`watch_the_lock`] that the learner's function returned (a program that never calls
/// the function, or calls it fewer times, must not keep the watch waiting).
#[allow(dead_code)] // 03's function belongs under no lock.
pub fn stop_watching() {
    RETURNED.store(true, Ordering::SeqCst);
}

/// `total`과 함께, 이 스레드 말고 다른 스레드들의 횟수(큰 것부터), 이 스레드의 횟수, 나눠 준 값의
/// 합. 학습자의 함수가 돌아온 뒤에 부름: 그 스레드들은 이미 조인되어 횟수가 모두 들어와 있음.
/// `total`, with the counts of the threads other than this one, largest first, this one's, and
/// the sum handed out. Call it after the learner's function returned: its threads were joined,
/// their counts are all in.
pub fn found(total: u64) -> Found {
    let caller = thread::current().id();
    let callers = CALLERS.lock().expect("the callers");
    let count = |(_, n): &(ThreadId, Arc<AtomicU64>)| n.load(Ordering::Relaxed);
    let mut others: Vec<u64> = callers
        .iter()
        .filter(|c| c.0 != caller)
        .map(count)
        .collect();
    others.sort_unstable_by(|a, b| b.cmp(a));
    let by_caller: u64 = callers.iter().filter(|c| c.0 == caller).map(count).sum();
    Found::Added {
        total: total as i64,
        by_others: others,
        by_caller,
        handed: HANDED.load(Ordering::Relaxed),
        unguarded: UNGUARDED.load(Ordering::Relaxed),
        met: match MET.load(Ordering::SeqCst) {
            0 => None,
            met => Some(met == 1),
        },
        let_go: match LET_GO.load(Ordering::SeqCst) {
            0 => None,
            seen => Some(seen == 1),
        },
    }
}
