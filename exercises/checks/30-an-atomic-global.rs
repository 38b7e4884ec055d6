//! 검사기가 연습 30의 `count_visits(visitors, visits)`를 자기 수로 부르고, 방문자 스레드를 아무
//! 때나 멈춥니다(`interrupt_threads`). 읽기와 쓰기가 나뉘지 않는 한 번의 연산이 아니면, 그 사이에서
//! 멈췄을 때 그동안 다른 스레드가 더한 것을 잃습니다. 호출이 끝나면 검사기가 전역 `VISITS`를 직접
//! 출력합니다. 전역 변수를 쓰지 않고 합계를 구하면 `VISITS`는 0으로 남습니다. 전역 변수가 `Mutex`면
//! 검사기의 스레드 하나가 가끔 잠가 보아, 방문자가 반쯤 왔을 때 잠금이 풀려 있는지 봅니다(반복
//! 전체를 감싸 쥔 잠금은 방문자를 하나씩 차례로 돌립니다). 그리고 타입이 무엇이든, 방문자 스레드가
//! 아직 살아 있는 동안 전역 변수는 0보다 커야 합니다(검사기가 방문자 0의 마지막 줄을 붙잡아
//! 둡니다). 방문자가 끝난 뒤에 main이 더하는 합계는 그때까지 0입니다.
//! The checker calls exercise 30's `count_visits(visitors, visits)` with its own numbers, the
//! visitors stopped at random moments (`interrupt_threads`): a read and a write that are not one
//! indivisible step, interrupted between the two, lose what the others added meanwhile. After the
//! call it prints the global `VISITS` itself: a total worked out without it leaves it 0. Where
//! the global is a `Mutex`, a thread of the checker's tries it now and then, to see it free while
//! a visitor is midway (a lock held around a whole loop runs the visitors one after another).
//! And whatever its type, the global must be above 0 while a visitor thread is still alive (the
//! checker holds visitor 0's last line): a total main adds after the visitors is 0 until then.

#[allow(dead_code)]
#[path = "../30-an-atomic-global/src/main.rs"]
mod learner;

use check_protocol::{Found, report};
use common::say;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// 전역을 한 번 들여다봄: `Mutex`면 잡을 수 있을 때 그 값, 잡혀 있으면 `Busy`, 아니면 `NotALock`.
/// One look at the global: for a `Mutex`, its number when it can be taken; `Busy` when it is
/// held; `NotALock` for anything else (an atomic has no lock to hold around a loop).
enum Look {
    Free(u64),
    Busy,
    NotALock,
    /// 원자적 타입의 값.
    /// An atomic's value.
    Value(u64),
}

struct Global<'a, T>(&'a T);

/// `Mutex<u64>`나 `Mutex<usize>`: 해당하면 `Anything` 대신 이쪽을 고름(autoref specialization:
/// 호출 `(&Global(&x)).look()`은 이 `&self` 메서드를 먼저 찾음).
/// `Mutex<u64>` or `Mutex<usize>`: chosen over `Anything` where it applies (autoref
/// specialization: the call `(&Global(&x)).look()` finds this `&self` method first).
trait ByMutex {
    fn look(&self) -> Look;
}

impl<N: Copy + Into<u128>> ByMutex for Global<'_, Mutex<N>> {
    fn look(&self) -> Look {
        match self.0.try_lock() {
            Ok(n) => Look::Free(u64::try_from((*n).into()).unwrap_or(u64::MAX)),
            Err(_) => Look::Busy,
        }
    }
}

/// `AtomicU64`나 `AtomicUsize`: 언제든 읽을 수 있는 그 값.
/// `AtomicU64` or `AtomicUsize`: its value, read at any time.
trait ByAtomic {
    fn look(&self) -> Look;
}

impl ByAtomic for Global<'_, AtomicU64> {
    fn look(&self) -> Look {
        Look::Value(self.0.load(Ordering::SeqCst))
    }
}

impl ByAtomic for Global<'_, AtomicUsize> {
    fn look(&self) -> Look {
        Look::Value(self.0.load(Ordering::SeqCst) as u64)
    }
}

trait Anything {
    fn look(&self) -> Look;
}

impl<T> Anything for &Global<'_, T> {
    fn look(&self) -> Look {
        Look::NotALock
    }
}

/// 0: 잠금이 아님(또는 보지 않음), 1: 중간에 풀린 것을 봄, 2: 한 번도 못 봄.
/// 0: not a lock (or not looked at), 1: seen free midway, 2: never.
static LET_GO: AtomicU8 = AtomicU8::new(0);
/// 0: 보지 않음, 1: 방문자가 살아 있는 동안 전역 변수가 0보다 큰 것을 봄, 2: 한 번도 못 봄.
/// 0: not looked at, 1: the global seen above 0 while a visitor lived, 2: never.
static ADDED: AtomicU8 = AtomicU8::new(0);
/// 방문자가 살아 있는 동안 전역 변수가 처음으로 0보다 크게 보인 때.
/// When the global was first seen above 0 while a visitor lived.
static ADDED_AT: Mutex<Option<Instant>> = Mutex::new(None);
/// 그렇게 본 때가 호출이 돌아오기 얼마나 전이어야 하는지. 범위 안 스레드(scoped thread)의 OS
/// 스레드는 클로저가 끝난 뒤에도 잠깐 남아 있어서, `scope` 바로 뒤에 main이 더한 합계가 방문자가
/// 아직 목록에 있을 때 보일 수 있음. 붙잡아 둔 줄이 방문자 0을 방문을 마친 뒤 300ms 넘게 살려 둠.
/// How long before the call returned that sight must be: a scoped thread's OS thread outlives
/// the end of its closure for a moment, so a total main adds just after `scope` can be seen with
/// a visitor still listed; the held line keeps visitor 0 alive 300 ms or more after its visits.
const BEFORE_THE_RETURN: Duration = Duration::from_millis(100);

/// 이 프로세스에서 이름이 `visitor ...`인 스레드가 살아 있는지(`/proc`에 있는 그 이름으로).
/// Whether a thread of this process named `visitor ...` is alive (its name in `/proc`).
fn a_visitor_lives() -> bool {
    std::fs::read_dir("/proc/self/task").is_ok_and(|tasks| {
        tasks.flatten().any(|task| {
            std::fs::read_to_string(task.path().join("comm"))
                .is_ok_and(|name| name.starts_with("visitor "))
        })
    })
}
static CALL_DONE: AtomicBool = AtomicBool::new(false);

/// 전역이 `Mutex`면, 방문 도중(어느 방문자의 몫이 딱 떨어지지 않은 값에서) 잠금이 비는지 봄.
/// For a `Mutex` global: whether it is ever free with a number that is not a whole number of
/// visitors' visits (a visitor midway): a lock held around each whole loop is free only between
/// one visitor's last visit and the next one's first.
fn watch(visits: u64) {
    let mut watching_the_lock = true;
    loop {
        let look = (&Global(&learner::VISITS)).look();
        let seen = match look {
            Look::Free(n) | Look::Value(n) => Some(n),
            Look::Busy | Look::NotALock => None,
        };
        if watching_the_lock
            && let Look::Free(n) = look
            && n % visits != 0
        {
            LET_GO.store(1, Ordering::SeqCst);
            watching_the_lock = false;
        }
        if seen.is_some_and(|n| n > 0) && ADDED.load(Ordering::SeqCst) == 0 && a_visitor_lives() {
            ADDED.store(1, Ordering::SeqCst);
            *ADDED_AT.lock().expect("the sight") = Some(Instant::now());
        }
        let done_with_the_lock =
            !watching_the_lock || matches!(look, Look::NotALock | Look::Value(_));
        if ADDED.load(Ordering::SeqCst) == 1 && done_with_the_lock {
            return;
        }
        if CALL_DONE.load(Ordering::SeqCst) {
            if watching_the_lock && matches!(look, Look::Free(_) | Look::Busy) {
                LET_GO.store(2, Ordering::SeqCst);
            }
            if ADDED.load(Ordering::SeqCst) == 0 {
                ADDED.store(2, Ordering::SeqCst);
            }
            return;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
}

fn main() {
    let args: [u64; 2] = check_protocol::numbers();
    let interrupter =
        common::perturb::interrupt_threads(Duration::from_micros(100), Duration::from_micros(300));
    let watcher = std::thread::spawn(move || watch(args[1]));
    let total = learner::count_visits(args[0] as usize, args[1]);
    let returned = Instant::now();
    CALL_DONE.store(true, Ordering::SeqCst);
    watcher.join().expect("the watcher");
    interrupter.stop();
    // 타입이 무엇이든(`AtomicU64`나 `Mutex<u64>`) 전역 변수 자체를 `Debug`로.
    // The global itself, whatever its type (`AtomicU64`, or a `Mutex<u64>`): its `Debug`.
    let global = format!("{:?}", learner::VISITS);
    let total = total as i64;
    let let_go = match LET_GO.load(Ordering::SeqCst) {
        0 => None,
        seen => Some(seen == 1),
    };
    let seen_at = *ADDED_AT.lock().expect("the sight");
    let added_by_visitors = match ADDED.load(Ordering::SeqCst) {
        0 => None,
        seen => Some(seen == 1 && seen_at.is_some_and(|at| at + BEFORE_THE_RETURN < returned)),
    };
    say!(
        "{}",
        report(Found::Global {
            total,
            global,
            let_go,
            added_by_visitors
        })
    );
}
