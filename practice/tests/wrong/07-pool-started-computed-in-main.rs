// A pool is started (its workers run), but the items are computed in main.
use common::pool::Pool;
use common::python::Py;
use common::say;
pub fn map_in_the_pool(f: fn(u32) -> u32, items: Vec<u32>) -> Vec<u32> {
    let _pool = Pool::new(4).expect("start the pool");
    items.into_iter().map(f).collect()
}
fn add_ten(x: u32) -> u32 {
    x + 10
}
fn main() {
    let results = map_in_the_pool(add_ten, (1..=10).collect());
    say!("results: {}", Py(&results));
}
