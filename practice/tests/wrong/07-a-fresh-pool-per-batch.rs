//! 잘못된 풀이(두 번째 블라인드 리뷰): 묶음마다 새 풀을 만들어 map합니다. 결과는 맞지만 풀이 묶음마다 버려집니다.
//! Wrong (from the second blind review): a new pool for each batch of items: the results are
//! right, but each batch's pool is thrown away.
//! Named: pools

use common::pool::Pool;
use common::python::Py;
use common::say;

pub fn map_in_the_pool(f: fn(u32) -> u32, items: Vec<u32>) -> Vec<u32> {
    let mut out = Vec::new();
    for batch in items.chunks(4) {
        let pool = Pool::new(4).expect("start the pool");
        out.extend(pool.map(f, batch.to_vec()).expect("map"));
        pool.close();
        pool.join().expect("join");
    }
    out
}

fn add_ten(x: u32) -> u32 {
    x + 10
}

fn main() {
    let results = map_in_the_pool(add_ten, (1..=10).collect());
    say!("results: {}", Py(&results));
}
