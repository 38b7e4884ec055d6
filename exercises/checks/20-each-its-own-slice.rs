//! The checker calls exercise 20's `fill_in_slices(children, width)` with its own numbers.

#[allow(dead_code)]
#[path = "../20-each-its-own-slice/src/main.rs"]
mod learner;

use common::python::Py;
use common::say;

fn main() {
    common::init();
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number"))
        .collect();
    say!("array: {}", Py(&learner::fill_in_slices(args[0], args[1])));
}
