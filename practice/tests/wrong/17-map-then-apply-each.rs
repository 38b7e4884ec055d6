//! Wrong (from the second blind review): `map` first, and when it fails, every task again with
//! a blocking `apply`: the results are right, and the tasks that map ran run twice.
//! Named: ran 2 times

use common::pool::Pool;
use common::say;

pub fn each_on_its_own(work: fn(u64) -> u64, xs: &[u64]) {
    let pool = Pool::new(xs.len()).expect("start the pool"); // a worker for each task
    // try: pool.map(...)  except: redo them one by one with pool.apply(...)
    match pool.map(work, xs.to_vec()) {
        Ok(ys) => {
            for (x, y) in xs.iter().zip(ys) {
                say!("{x}: {y}");
            }
        }
        Err(_) => {
            for &x in xs {
                match pool.apply(work, x) {
                    Ok(y) => say!("{x}: {y}"),
                    Err(error) => say!("{x}: failed ({error})"),
                }
            }
        }
    }
}

/// Task 3 panics; task 5 crashes the worker that runs it.
fn work(x: u64) -> u64 {
    match x {
        3 => panic!("no square for {x}"),
        5 => std::process::abort(),
        _ => x * x,
    }
}

fn main() {
    common::init(); // if __name__ == '__main__':
    each_on_its_own(work, &[1, 2, 3, 4, 5, 6]);
}
