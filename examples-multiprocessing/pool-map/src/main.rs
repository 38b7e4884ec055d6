//! Pool 사용하기 — `Pool(4).map(work, range(1, 100))` (notes §2).
//!
//! 실행 / Run: `cargo run -p pool-map`
//! 눈여겨볼 점: 작업 프로세스 넷이 1부터 99까지 모든 수를 한 번씩, 일곱 개씩 묶어서 출력합니다
//! (파이썬의 `map`이 만드는 덩어리 크기: 99개 / (작업자 4 * 4)를 올림한 값). 작업자들의 묶음이
//! 섞이는 모양은 실행할 때마다 다릅니다. 작업자는 파이썬처럼 `Pool::new`에서 시작하고, 뒤의 모든
//! 호출에 그대로 남아 있습니다.
//! Notice: every number from 1 to 99 is printed once, by four worker processes, in runs of seven
//! (the chunks Python's `map` makes: 99 items / (4 workers * 4), rounded up). The runs of different
//! workers interleave differently on every run. The workers start at `Pool::new`, as Python's do,
//! and stay for every later call.

use common::pool::Pool;
use common::say;

fn work(x: u32) {
    say!("{x}");
}

fn main() {
    common::init(); // 파이썬의 if __name__ == '__main__':
    // 작업자 넷을 지금 시작해서(풀의 포크 서버가 포크합니다) 풀이 버려질 때까지 둡니다.
    // Four workers, started now (forked by the pool's fork server) and kept until the pool is
    // dropped.
    let pool = Pool::new(4).expect("start the pool");
    let data = 1..100;
    // `work`는 이 프로그램 안에서 코드가 놓인 위치로 작업자에게 전해집니다(작업자도 같은
    // 프로그램을 돌립니다). 파이썬은 이름으로 피클합니다. 결과는 입력 순서대로 돌아옵니다. 파이썬이
    // `None` 99개를 돌려주듯 `()` 99개입니다.
    // `work` travels to the workers as where its code lies in this program (they run the same
    // program); Python pickles it by name. The results come back in input order: 99 `()`s, as Python
    // returns 99 `None`s.
    pool.map(work, data).expect("pool.map");
}
