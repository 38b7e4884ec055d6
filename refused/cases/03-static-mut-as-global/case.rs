// Python's `global num; num += 1` (프로세스 스포닝, second snippet) as a `static mut`.
static mut NUM: i32 = 42;

fn f() {
    NUM += 1;
    println!("{}", NUM);
}

fn main() {
    f();
}
