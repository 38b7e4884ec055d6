//! Under the floor: a round trip where each side spins for a while on a flag in shared memory
//! before it blocks (a futex on that flag), against one that blocks at once. Spinning skips the
//! wake-up when the answer comes within the budget, and burns a core while it waits: `bench
//! measure` reports the CPU time of both processes beside the time, so the page can show both.

use crate::time;
use nix::libc;
use nix::sys::mman::{MapFlags, ProtFlags, mmap_anonymous};
use nix::sys::wait::waitpid;
use nix::unistd::{ForkResult, fork};
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// The page both processes share: the ball (a count: odd when it is the child's turn, even when
/// the parent's) and whether a side sleeps on it.
struct Court {
    ball: AtomicU32,
    sleepers: AtomicU32,
}

// ANCHOR: court
impl Court {
    /// 공이 더는 `seen`이 아닐 때까지 기다립니다. `budget`만큼은 돌며 확인하고, 그다음 futex에서 잡니다.
    /// Waits until the ball is no longer `seen`: spins up to `budget`, then sleeps on a futex.
    fn wait_past(&self, seen: u32, budget: Duration) {
        let started = Instant::now();
        while self.ball.load(Ordering::Acquire) == seen {
            if started.elapsed() < budget {
                std::hint::spin_loop();
                continue;
            }
            self.sleepers.fetch_add(1, Ordering::SeqCst);
            while self.ball.load(Ordering::SeqCst) == seen {
                // 안전한 이유: `ball`은 두 프로세스가 쓰는 동안 내내 살아 있는 공유 매핑 안에 있고,
                // FUTEX_WAIT는 그 워드를 읽기만 하며 값이 아직 `seen`일 때만 잡니다.
                // SAFETY: `ball` lives in a shared mapping that outlives both processes' use of
                // it; FUTEX_WAIT only reads the word and sleeps while it still equals `seen`.
                unsafe {
                    libc::syscall(
                        libc::SYS_futex,
                        self.ball.as_ptr(),
                        libc::FUTEX_WAIT,
                        seen,
                        std::ptr::null::<libc::timespec>(),
                    );
                }
            }
            self.sleepers.fetch_sub(1, Ordering::SeqCst);
        }
    }

    /// 공을 넘기고, 상대가 자고 있을 때만 깨웁니다.
    /// Hands the ball over, waking the other side only if it sleeps.
    fn hit(&self, next: u32) {
        self.ball.store(next, Ordering::SeqCst);
        if self.sleepers.load(Ordering::SeqCst) > 0 {
            // 안전한 이유: `wait_past`에서와 같습니다. FUTEX_WAKE는 그 워드에서 자는 쪽을 많아야 하나 깨웁니다.
            // SAFETY: as in `wait_past`; FUTEX_WAKE wakes at most one sleeper on the word.
            unsafe { libc::syscall(libc::SYS_futex, self.ball.as_ptr(), libc::FUTEX_WAKE, 1) };
        }
    }
}
// ANCHOR_END: court

/// `n` round trips to a forked child through a shared page, each side spinning up to `budget`
/// before it sleeps. A budget of zero blocks at once, as a pipe does.
pub fn spin_then_block(n: u64, budget: Duration) -> Duration {
    let size = NonZeroUsize::new(4096).expect("a page");
    // SAFETY: a fresh anonymous mapping, shared so that the forked child sees the same page;
    // unmapped only once the child has ended and the parent is done with it.
    let page = unsafe {
        mmap_anonymous(
            None,
            size,
            ProtFlags::PROT_READ | ProtFlags::PROT_WRITE,
            MapFlags::MAP_SHARED,
        )
    }
    .expect("mmap");
    // SAFETY: the mapping is page-aligned, zeroed, and large enough for a `Court` (two
    // atomics, whose all-zero bytes are valid values).
    let court: &Court = unsafe { page.cast::<Court>().as_ref() };
    let rounds = u32::try_from(n).expect("rounds fit in u32");
    // SAFETY: `bench measure` runs this in a process with one thread; the child only touches
    // the shared page, makes futex calls and `_exit`s.
    let child = match unsafe { fork() }.expect("fork") {
        ForkResult::Child => {
            for i in 0..rounds {
                court.wait_past(2 * i, budget);
                court.hit(2 * i + 2);
            }
            // SAFETY: ends the child without running the parent's exit sequence a second time.
            unsafe { libc::_exit(0) }
        }
        ForkResult::Parent { child } => child,
    };
    let elapsed = time(|| {
        for i in 0..rounds {
            court.hit(2 * i + 1);
            court.wait_past(2 * i + 1, budget);
        }
    });
    waitpid(child, None).expect("waitpid");
    // SAFETY: the child has ended, and `court` is not used after this.
    unsafe { nix::sys::mman::munmap(page, size.get()) }.expect("munmap");
    elapsed
}

/// [`spin_then_block`] with no spin: both sides sleep on the futex at once.
pub fn wake_futex(n: u64) -> Duration {
    spin_then_block(n, Duration::ZERO)
}

/// [`spin_then_block`], spinning up to 1 µs.
pub fn wake_spin_1us(n: u64) -> Duration {
    spin_then_block(n, Duration::from_micros(1))
}

/// [`spin_then_block`], spinning up to 10 µs.
pub fn wake_spin_10us(n: u64) -> Duration {
    spin_then_block(n, Duration::from_micros(10))
}

/// [`spin_then_block`], spinning up to 100 µs.
pub fn wake_spin_100us(n: u64) -> Duration {
    spin_then_block(n, Duration::from_micros(100))
}
