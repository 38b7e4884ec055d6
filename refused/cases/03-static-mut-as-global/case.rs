// 파이썬의 `global num; num += 1`(프로세스 스포닝, 두 번째 코드)을 `static mut`으로.
// Python's `global num; num += 1` (the notes' §2, second snippet) as a `static mut`.
static mut NUM: i32 = 42;

fn f() {
    NUM += 1;
    println!("{}", NUM);
}

fn main() {
    f();
}
